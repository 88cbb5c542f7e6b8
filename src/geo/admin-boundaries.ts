/**
 * Syria's administrative units (OCHA COD-AB v02: 14 governorates SY01..SY14, 62 districts
 * SY0100.., 272 sub-districts SY010000..) from the shipped data/geo/syria-admin.topo.json.gz
 * (built by scripts/build-geo.ts). Loaded lazily on first use, then every call is synchronous.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Feature, FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { dataDir } from './data-dir.js';
import { type Areal, PolygonIndex, pointInAreal } from './polygon-index.js';

export type AdminLevel = 1 | 2 | 3;

export interface AdminUnit {
  /** OCHA P-code, e.g. SY07 (Idleb), SY0700, SY070000 */
  pcode: string;
  name: string;
  name_ar: string;
  level: AdminLevel;
  /** P-code of the enclosing unit one level up; null for governorates */
  parent: string | null;
  area_sqkm: number;
}

export interface AdminCodes {
  adm1: string | null;
  adm2: string | null;
  adm3: string | null;
}

interface Loaded {
  units: Map<string, AdminUnit>;
  geometry: Map<string, Areal>;
  indexes: Record<AdminLevel, PolygonIndex<string>>;
}

let loaded: Loaded | null = null;

function load(): Loaded {
  if (loaded) return loaded;
  const file = join(dataDir('geo'), 'syria-admin.topo.json.gz');
  const topo = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as Topology;
  const units = new Map<string, AdminUnit>();
  const geometry = new Map<string, Areal>();
  const perLevel: Record<AdminLevel, { geometry: Areal; value: string }[]> = { 1: [], 2: [], 3: [] };
  for (const level of [1, 2, 3] as const) {
    const object = topo.objects[`adm${level}`] as GeometryCollection;
    const fc = feature(topo, object) as FeatureCollection;
    for (const f of fc.features as Feature<Areal, Omit<AdminUnit, 'pcode'>>[]) {
      const pcode = String(f.id);
      units.set(pcode, { pcode, ...f.properties, level });
      geometry.set(pcode, f.geometry);
      perLevel[level].push({ geometry: f.geometry, value: pcode });
    }
  }
  loaded = {
    units,
    geometry,
    indexes: { 1: new PolygonIndex(perLevel[1]), 2: new PolygonIndex(perLevel[2]), 3: new PolygonIndex(perLevel[3]) },
  };
  return loaded;
}

/** True for any shipped governorate, district or sub-district P-code (case-sensitive, e.g. "SY05"). */
export function isKnownAdminCode(code: string): boolean {
  return load().units.has(code);
}

export function adminUnit(pcode: string): AdminUnit | undefined {
  return load().units.get(pcode);
}

/** All units, or those of one level, in P-code order. */
export function adminUnits(level?: AdminLevel): AdminUnit[] {
  const all = [...load().units.values()].filter((u) => level === undefined || u.level === level);
  return all.sort((a, b) => (a.pcode < b.pcode ? -1 : a.pcode > b.pcode ? 1 : 0));
}

/** The unit's (Multi)Polygon in lon/lat, or undefined for an unknown code. */
export function adminGeometry(pcode: string): Areal | undefined {
  return load().geometry.get(pcode);
}

/**
 * The admin units containing a point, or null outside Syria's units. The sub-district decides and
 * its parents follow, so the three codes are always consistent; where the sub-districts leave a gap
 * (a sliver between layers) the district and then governorate layers are asked directly.
 */
export function adminAt(lon: number, lat: number): AdminCodes | null {
  const { indexes, units } = load();
  const adm3 = indexes[3].first(lon, lat);
  if (adm3) {
    const adm2 = units.get(adm3)?.parent ?? null;
    const adm1 = adm2 ? (units.get(adm2)?.parent ?? null) : null;
    return { adm1, adm2, adm3 };
  }
  const adm2 = indexes[2].first(lon, lat);
  if (adm2) return { adm1: units.get(adm2)?.parent ?? null, adm2, adm3: null };
  const adm1 = indexes[1].first(lon, lat);
  return adm1 ? { adm1, adm2: null, adm3: null } : null;
}

/** Whether the point lies in (or on the edge of) the given unit. */
export function isInAdmin(pcode: string, lon: number, lat: number): boolean {
  const g = load().geometry.get(pcode);
  return g ? pointInAreal(lon, lat, g) : false;
}
