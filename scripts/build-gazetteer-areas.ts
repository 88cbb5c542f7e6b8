/**
 * Areas for the expressions reports use instead of place names:
 * - direction areas, "northern Hama countryside": the sub-districts of a governorate whose label
 *   point lies in a sector seen from the governorate's seat (cardinal directions: a 135° sector,
 *   since "northern" loosely takes in north-east and north-west; intercardinal: 90°), as a covering
 *   circle around their area-weighted centre. The precision is the covering radius: honest, if wide.
 * - curated areas (data/gazetteer/curated-areas.json): circles around member places, admin units or
 *   stated centres, each with its source.
 */
import { readFileSync } from 'node:fs';
import { adminUnit, adminUnits } from '../src/geo/index.js';
import { DIRECTIONS, type Direction, type Place } from '../src/pipeline/resolve/gazetteer-types.js';
import { keyOf } from '../src/pipeline/resolve/gazetteer-text.js';
import { coveringRadiusKm, distanceKm, locate } from './build-gazetteer-geo.js';

const BEARING: Record<Direction, [number, number]> = {
  north: [0, 67.5],
  northeast: [45, 45],
  east: [90, 67.5],
  southeast: [135, 45],
  south: [180, 67.5],
  southwest: [225, 45],
  west: [270, 67.5],
  northwest: [315, 45],
};

const ARABIC_WORD: Record<Direction, string> = {
  north: 'الشمالي',
  northeast: 'الشمالي الشرقي',
  east: 'الشرقي',
  southeast: 'الجنوبي الشرقي',
  south: 'الجنوبي',
  southwest: 'الجنوبي الغربي',
  west: 'الغربي',
  northwest: 'الشمالي الغربي',
};

const WORD: Record<Direction, string> = {
  north: 'northern',
  northeast: 'north-eastern',
  east: 'eastern',
  southeast: 'south-eastern',
  south: 'southern',
  southwest: 'south-western',
  west: 'western',
  northwest: 'north-western',
};

/** Initial bearing from a to b in degrees (0 = north), on the sphere. */
function bearing(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const y = Math.sin((b[0] - a[0]) * rad) * Math.cos(b[1] * rad);
  const x =
    Math.cos(a[1] * rad) * Math.sin(b[1] * rad) - Math.sin(a[1] * rad) * Math.cos(b[1] * rad) * Math.cos((b[0] - a[0]) * rad);
  return ((Math.atan2(y, x) / rad) % 360 + 360) % 360;
}

const round = (x: number, d = 4): number => Math.round(x * 10 ** d) / 10 ** d;

/**
 * seats: governorate P-code -> [lon, lat] of its seat; labels: adm3 P-code -> label point.
 * The Damascus countryside (SY03) is seen from Damascus city, the city itself (SY01) has none.
 */
export function directionAreas(seats: Map<string, [number, number]>, labels: Map<string, [number, number]>): Place[] {
  const out: Place[] = [];
  for (const gov of adminUnits(1)) {
    if (gov.pcode === 'SY01') continue;
    const seat = gov.pcode === 'SY03' ? seats.get('SY01') : seats.get(gov.pcode);
    if (!seat) throw new Error(`no seat for ${gov.pcode}`);
    const subs = adminUnits(3).filter((u) => u.pcode.startsWith(gov.pcode));
    for (const direction of DIRECTIONS) {
      const [centre, half] = BEARING[direction];
      const inSector = subs.filter((u) => {
        const p = labels.get(u.pcode)!;
        if (distanceKm(seat, p) < 3) return false; // the seat's own sub-district is the city, not countryside
        const d = Math.abs(((bearing(seat, p) - centre + 540) % 360) - 180);
        return d <= half;
      });
      if (inSector.length === 0) continue;
      const total = inSector.reduce((s, u) => s + u.area_sqkm, 0);
      const lon = inSector.reduce((s, u) => s + labels.get(u.pcode)![0] * u.area_sqkm, 0) / total;
      const lat = inSector.reduce((s, u) => s + labels.get(u.pcode)![1] * u.area_sqkm, 0) / total;
      const located = locate(lon, lat);
      const name = gov.pcode === 'SY03' ? `${WORD[direction]} Damascus countryside` : `${WORD[direction]} ${gov.name} countryside`;
      const nameAr = `ريف ${gov.pcode === 'SY03' ? 'دمشق' : gov.name_ar} ${ARABIC_WORD[direction]}`;
      out.push({
        id: `area:${gov.pcode}-${direction}`,
        name,
        name_ar: nameAr,
        names: [name],
        names_ar: [nameAr],
        kind: 'area',
        lat: round(lat),
        lon: round(lon),
        precision_km: Math.ceil(coveringRadiusKm([lon, lat], inSector.map((u) => u.pcode))),
        adm1: gov.pcode,
        adm2: located?.codes.adm1 === gov.pcode ? located.codes.adm2 : null,
        adm3: null,
        region: { adm1: gov.pcode, direction },
        within: inSector.map((u) => u.pcode),
        sources: ['truce:derived from OCHA COD-AB sub-districts'],
        note: `sub-districts of ${gov.name} whose label point lies ${direction} of ${gov.pcode === 'SY03' ? 'Damascus' : `the seat of ${gov.name}`}`,
      });
    }
  }
  return out;
}

interface CuratedArea {
  id: string;
  /** default 'area'; military sites and prisons are landmarks */
  kind?: 'area' | 'landmark';
  name: string;
  name_ar?: string;
  names?: string[];
  members?: string[];
  margin_km?: number;
  center?: [number, number];
  radius_km?: number;
  admin?: string;
  source: string;
}

/** Resolve curated areas against the merged places (members are looked up by name key). */
export function curatedAreas(file: URL, places: Place[], report: string[]): Place[] {
  const { areas } = JSON.parse(readFileSync(file, 'utf8')) as { areas: CuratedArea[] };
  const byKey = new Map<string, Place[]>();
  for (const p of places) {
    // sub-district label points stand in for their seat town when no town record exists
    if (p.kind === 'governorate' || p.kind === 'district') continue;
    for (const n of [...p.names, ...p.names_ar]) {
      const k = keyOf(n);
      byKey.set(k, [...(byKey.get(k) ?? []), p]);
    }
  }
  return areas.map((a) => {
    let lon: number;
    let lat: number;
    let radius: number;
    let note: string | undefined;
    if (a.admin) {
      const u = adminUnit(a.admin);
      if (!u) throw new Error(`${a.id}: unknown admin ${a.admin}`);
      const label = places.find((p) => p.id === a.admin)!;
      [lon, lat] = [label.lon, label.lat];
      radius = Math.ceil(coveringRadiusKm([lon, lat], [a.admin]));
    } else if (a.members) {
      const found: Place[] = [];
      const missing: string[] = [];
      for (const m of a.members) {
        const hits = byKey.get(keyOf(m)) ?? [];
        // the member nearest to the others would be ideal; the first town/village hit is near enough
        const rank = (h: Place): number => (h.kind === 'subdistrict' ? 2 : h.kind === 'landmark' ? 1 : 0);
        const hit = [...hits].sort((x, y) => rank(x) - rank(y))[0];
        if (hit) found.push(hit);
        else missing.push(m);
      }
      if (missing.length) report.push(`- ${a.id}: members not in the gazetteer: ${missing.join(', ')}`);
      if (found.length < 2 && !a.center) throw new Error(`${a.id}: fewer than 2 members found (missing ${missing.join(', ')})`);
      if (found.length >= 2) {
        lon = found.reduce((s, p) => s + p.lon, 0) / found.length;
        lat = found.reduce((s, p) => s + p.lat, 0) / found.length;
        radius = Math.ceil(Math.max(...found.map((p) => distanceKm([lon, lat], [p.lon, p.lat]))) + (a.margin_km ?? 2));
        note = `circle around ${found.map((p) => p.name).join(', ')} + ${a.margin_km ?? 2} km`;
      } else {
        [lon, lat] = a.center!;
        radius = a.radius_km!;
      }
    } else {
      [lon, lat] = a.center!;
      radius = a.radius_km!;
    }
    const located = locate(lon, lat);
    if (!located) throw new Error(`${a.id}: centre outside Syria`);
    return {
      id: a.id,
      name: a.name,
      name_ar: a.name_ar,
      names: [a.name, ...(a.names ?? [])],
      names_ar: a.name_ar ? [a.name_ar] : [],
      kind: a.kind ?? ('area' as const),
      lat: round(lat),
      lon: round(lon),
      precision_km: radius,
      adm1: located.codes.adm1,
      adm2: located.codes.adm2,
      adm3: located.codes.adm3,
      ...(a.admin ? { admin: a.admin } : {}),
      sources: [`truce:curated (${a.source})`],
      ...(note ? { note } : {}),
    };
  });
}
