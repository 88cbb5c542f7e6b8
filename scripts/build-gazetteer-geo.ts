/**
 * Geometry helpers for the gazetteer build: great-circle distance, covering radii and the admin
 * check of a point with its fixes (swapped coordinates, a point just off the coast or border).
 */
import { point, pointToPolygonDistance } from '@turf/turf';
import { type AdminCodes, adminAt, adminGeometry, adminUnits, bboxOf } from '../src/geo/index.js';

/** Haversine distance in km (R = 6371 km); see e.g. https://www.movable-type.co.uk/scripts/latlong.html */
export function distanceKm(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Largest distance from `from` to any outer-ring vertex of the unit: the circle that covers it. */
export function coveringRadiusKm(from: [number, number], pcodes: string[]): number {
  let r = 0;
  for (const pcode of pcodes) {
    const g = adminGeometry(pcode);
    if (!g) throw new Error(`unknown P-code ${pcode}`);
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const poly of polys) for (const c of poly[0]) r = Math.max(r, distanceKm(from, c as [number, number]));
  }
  return r;
}

export interface Located {
  lon: number;
  lat: number;
  codes: AdminCodes;
  /** what had to be done to the point */
  fix?: { kind: 'swapped' | 'snapped'; km?: number };
}

const SNAP_KM = 5;

/**
 * Admin codes of a point. A point outside every unit is tried with lat/lon swapped (a common data
 * entry slip) and otherwise attached to the nearest sub-district within 5 km (coastal towns and
 * border villages whose point falls just outside OCHA's generalised outline). Null when neither works.
 */
export function locate(lon: number, lat: number): Located | null {
  const codes = adminAt(lon, lat);
  if (codes) return { lon, lat, codes };
  const swapped = adminAt(lat, lon);
  if (swapped) return { lon: lat, lat: lon, codes: swapped, fix: { kind: 'swapped' } };
  let best: { pcode: string; km: number } | null = null;
  for (const u of adminUnits(3)) {
    const g = adminGeometry(u.pcode)!;
    const [minX, minY, maxX, maxY] = bboxOf(g);
    if (lon < minX - 0.1 || lon > maxX + 0.1 || lat < minY - 0.1 || lat > maxY + 0.1) continue;
    const km = Math.abs(pointToPolygonDistance(point([lon, lat]), g, { units: 'kilometers' }));
    if (km <= SNAP_KM && (!best || km < best.km)) best = { pcode: u.pcode, km };
  }
  if (!best) return null;
  const adm2 = best.pcode.slice(0, 6);
  return {
    lon,
    lat,
    codes: { adm1: best.pcode.slice(0, 4), adm2, adm3: best.pcode },
    fix: { kind: 'snapped', km: Math.round(best.km * 100) / 100 },
  };
}
