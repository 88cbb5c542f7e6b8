/**
 * The dashboard's offline base map, built from the bundled boundaries at build time (no tile
 * server, no network): Natural Earth 1:50m countries of the region (world-atlas, public domain)
 * and Syria's governorates and districts (OCHA COD-AB, attribution "OCHA, HDX"; data/geo/SOURCES.md).
 * Read straight from the files src/geo reads, so the Vite config needs none of the server code.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { simplify } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** the countries around Syria shown for context: minLon, minLat, maxLon, maxLat */
const REGION: [number, number, number, number] = [25, 27, 52, 43];

/**
 * `levels` [0, 1]: countries and governorates, drawn first; [2]: districts, fetched once the
 * first map is up (they are most of the vertices and only show from zoom 6.5).
 */
export function buildBasemap(repoRoot: string, levels: number[] = [0, 1, 2]): FeatureCollection {
  const features: Feature[] = [];
  const require = createRequire(import.meta.url);
  const world = require('world-atlas/countries-50m.json') as Topology;
  const countries = feature(world, world.objects.countries as GeometryCollection) as FeatureCollection;
  for (const f of levels.includes(0) ? countries.features : []) {
    if (!f.geometry || !intersects(f.geometry, REGION)) continue;
    features.push(simplified(f, { level: 0, name: String(f.properties?.name ?? '') }));
  }
  const topo = JSON.parse(
    gunzipSync(readFileSync(join(repoRoot, 'data/geo/syria-admin.topo.json.gz'))).toString('utf8'),
  ) as Topology;
  for (const level of ([1, 2] as const).filter((l) => levels.includes(l))) {
    const fc = feature(topo, topo.objects[`adm${level}`] as GeometryCollection) as FeatureCollection;
    for (const f of fc.features) {
      features.push(simplified(f, { level, pcode: String(f.id), name: String(f.properties?.name ?? '') }));
    }
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Douglas-Peucker simplification (turf.simplify; Douglas & Peucker 1973) to 0.002° (about 200 m),
 * invisible at the zooms a country map is read at and five times fewer vertices, so the map
 * worker tiles the base map in a fraction of the time; then 4 decimals (about 11 m).
 */
function simplified(f: Feature, properties: Record<string, unknown>): Feature {
  const g = simplify(f, { tolerance: 0.002, highQuality: false, mutate: false }).geometry;
  return { type: 'Feature', properties, geometry: roundGeometry(g) };
}

function roundGeometry(g: Geometry): Geometry {
  const r = (p: Position): Position => [Math.round(p[0] * 1e4) / 1e4, Math.round(p[1] * 1e4) / 1e4];
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map((ring) => ring.map(r)) };
  if (g.type === 'MultiPolygon') {
    return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((ring) => ring.map(r))) };
  }
  return g;
}

function intersects(g: Geometry, [minX, minY, maxX, maxY]: [number, number, number, number]): boolean {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return polys.some((poly) => poly[0].some(([x, y]) => x >= minX && x <= maxX && y >= minY && y <= maxY));
}
