/**
 * A small map projection for the bulletin's inline SVG: the equirectangular (plate carrée)
 * projection with its standard parallel at the middle of the box, x = λ·cos φ0, y = φ
 * (Snyder, "Map Projections: A Working Manual", USGS PP 1395, 1987, p. 90). Over a country the size
 * of Syria (about 5° of latitude) the scale error is under 5 %, which a bulletin map can afford,
 * and the projection needs no library.
 */
import type { AreaGeometry, LonLat, PolygonCoords } from './model.js';

export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export interface Projection {
  width: number;
  height: number;
  project(p: LonLat): [number, number];
}

/** Fit `bbox` into a `width`-wide frame with `pad` units of margin; the height follows the aspect. */
export function fitProjection(bbox: BBox, width: number, pad = 8): Projection {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * k, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const scale = (width - 2 * pad) / spanX;
  const height = Math.round(spanY * scale + 2 * pad);
  return {
    width,
    height,
    project: ([lon, lat]) => [round1(pad + (lon - minLon) * k * scale), round1(pad + (maxLat - lat) * scale)],
  };
}

/** The bounding box of geometries and points, or null when there is nothing. */
export function bboxOf(geoms: AreaGeometry[], points: LonLat[]): BBox | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const add = ([x, y]: LonLat) => {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  };
  for (const g of geoms) for (const poly of polygonsOf(g)) for (const ring of poly) ring.forEach(add);
  points.forEach(add);
  return Number.isFinite(minX) ? [minX, minY, maxX, maxY] : null;
}

export function polygonsOf(g: AreaGeometry): PolygonCoords[] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/**
 * SVG path data for a polygonal geometry. Vertices that land on the same tenth of a unit as the
 * previous one are dropped: at bulletin size they are invisible and would only bloat the file.
 */
export function pathOf(g: AreaGeometry, proj: Projection): string {
  const parts: string[] = [];
  for (const poly of polygonsOf(g)) {
    for (const ring of poly) {
      let prev = '';
      const pts: string[] = [];
      for (const p of ring) {
        const [x, y] = proj.project(p);
        const s = `${x},${y}`;
        if (s !== prev) pts.push(s);
        prev = s;
      }
      if (pts.length >= 3) parts.push(`M${pts.join('L')}Z`);
    }
  }
  return parts.join('');
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
