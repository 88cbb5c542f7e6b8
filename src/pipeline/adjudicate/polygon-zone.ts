/**
 * A polygon or multipolygon zone (forms `file`, `polygon`, `country`, `admin` of formats.md §3),
 * compiled for millions of point questions: vertices projected once into a local frame, a strip
 * index for point-in-polygon and an edge index (flatbush) for distances to the boundary.
 *
 * Point in polygon: even-odd ray casting (W. R. Franklin, PNPOLY,
 * https://wrfranklin.org/Research/Short_Notes/pnpoly.html) over the edges of the point's
 * horizontal strip only; holes and the parts of a multipolygon need no special case.
 * A disc of radius r is certainly inside when its centre is inside and the boundary is at least
 * r away; certainly outside when its centre is outside and the boundary is more than r away.
 */
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { type CompiledZone, type Containment, EDGE, type FrameError, IN, OUT } from './containment.js';
import { distanceKm, distanceToArcVec, unitVector } from './geodesy.js';
import { LocalFrame, segmentDistance } from './local-frame.js';

/** Polygons with more edges than this get an edge index; below it a linear scan is faster. */
const EDGE_INDEX_MIN = 160;

export class PolygonZone implements CompiledZone {
  readonly kind = 'polygon';
  readonly bbox: readonly [number, number, number, number];
  readonly frame: LocalFrame;
  /** projected vertices, x,y interleaved; edge e joins vertex e and e + 1 */
  private readonly xy: Float64Array;
  /** lon/lat vertices, interleaved, for exact distances */
  readonly ll: Float64Array;
  /** the first vertex of every edge (edge e joins vertex e and e + 1) */
  readonly edges: Int32Array;
  private readonly stripY0: number;
  private readonly stripH: number;
  private readonly stripStart: Int32Array;
  private readonly stripEdges: Int32Array;
  private readonly edgeIndex: Flatbush | null;
  private readonly err: FrameError = { rel: 0, abs: 0 };
  /** unit vectors of the vertices (geodesy.unitVector), 3 per vertex, for exact distances */
  private readonly uv: Float64Array;
  /** exactDistance's planar distances per candidate edge, reused */
  private planar = new Float64Array(64);
  private readonly p = new Float64Array(3);

  constructor(geometry: Polygon | MultiPolygon) {
    const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    let nv = 0;
    for (const p of polys) for (const ring of p) nv += ring.length;
    this.ll = new Float64Array(nv * 2);
    const edges: number[] = [];
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let v = 0;
    let maxSeg = 0;
    for (const p of polys) {
      for (const ring of p) {
        for (let i = 0; i < ring.length; i++) {
          const [lon, lat] = ring[i];
          this.ll[2 * v] = lon;
          this.ll[2 * v + 1] = lat;
          if (lon < minX) minX = lon;
          if (lat < minY) minY = lat;
          if (lon > maxX) maxX = lon;
          if (lat > maxY) maxY = lat;
          if (i + 1 < ring.length) {
            edges.push(v);
            maxSeg = Math.max(maxSeg, distanceKm(lon, lat, ring[i + 1][0], ring[i + 1][1]));
          }
          v++;
        }
        // close rings that were written open, so every ring is a cycle of edges
        const first = ring[0];
        const last = ring[ring.length - 1];
        if (first[0] !== last[0] || first[1] !== last[1]) {
          throw new Error('a polygon ring must be closed (first position = last position)');
        }
      }
    }
    this.bbox = [minX, minY, maxX, maxY];
    this.frame = new LocalFrame((minX + maxX) / 2, (minY + maxY) / 2, maxSeg);
    this.xy = new Float64Array(nv * 2);
    for (let i = 0; i < nv; i++) {
      this.xy[2 * i] = this.frame.x(this.ll[2 * i]);
      this.xy[2 * i + 1] = this.frame.y(this.ll[2 * i + 1]);
    }
    this.edges = Int32Array.from(edges);
    this.uv = new Float64Array(nv * 3);
    for (let i = 0; i < nv; i++) unitVector(this.ll[2 * i], this.ll[2 * i + 1], this.uv, 3 * i);

    // strips: each edge is listed in every horizontal strip its y-range touches
    const y0 = this.frame.y(minY);
    const y1 = this.frame.y(maxY);
    const nStrips = Math.max(1, Math.min(1024, Math.ceil(this.edges.length / 4)));
    this.stripY0 = y0;
    this.stripH = (y1 - y0) / nStrips || 1;
    const counts = new Int32Array(nStrips + 1);
    const range = (e: number): [number, number] => {
      const ya = this.xy[2 * e + 1];
      const yb = this.xy[2 * e + 3];
      return [this.strip(Math.min(ya, yb), nStrips), this.strip(Math.max(ya, yb), nStrips)];
    };
    for (const e of this.edges) {
      const [a, b] = range(e);
      for (let s = a; s <= b; s++) counts[s + 1]++;
    }
    for (let s = 0; s < nStrips; s++) counts[s + 1] += counts[s];
    this.stripStart = counts.slice();
    const fill = counts.slice();
    this.stripEdges = new Int32Array(counts[nStrips]);
    for (const e of this.edges) {
      const [a, b] = range(e);
      for (let s = a; s <= b; s++) this.stripEdges[fill[s]++] = e;
    }

    if (this.edges.length >= EDGE_INDEX_MIN) {
      const index = new Flatbush(this.edges.length);
      for (const e of this.edges) {
        const ax = this.xy[2 * e];
        const ay = this.xy[2 * e + 1];
        const bx = this.xy[2 * e + 2];
        const by = this.xy[2 * e + 3];
        index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
      }
      index.finish();
      this.edgeIndex = index;
    } else {
      this.edgeIndex = null;
    }
  }

  private strip(y: number, n: number): number {
    const s = Math.floor((y - this.stripY0) / this.stripH);
    return s < 0 ? 0 : s >= n ? n - 1 : s;
  }

  /** Even-odd ray casting in the frame (exact for RFC 7946 straight lon/lat edges). */
  containsPoint(lon: number, lat: number): boolean {
    const box = this.bbox;
    if (lon < box[0] || lon > box[2] || lat < box[1] || lat > box[3]) return false;
    const x = this.frame.x(lon);
    const y = this.frame.y(lat);
    const n = this.stripStart.length - 1;
    const s = this.strip(y, n);
    const xy = this.xy;
    let inside = false;
    for (let k = this.stripStart[s], end = this.stripStart[s + 1]; k < end; k++) {
      const e = this.stripEdges[k];
      const yi = xy[2 * e + 1];
      const yj = xy[2 * e + 3];
      if (yi > y !== yj > y) {
        const xi = xy[2 * e];
        const xj = xy[2 * e + 2];
        if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    return inside;
  }

  classifyDisc(lon: number, lat: number, radiusKm: number): Containment {
    const inside = this.containsPoint(lon, lat);
    if (radiusKm <= 0) return inside ? IN : OUT;
    const err = this.frame.error(lat, radiusKm, this.err);
    const reach = radiusKm * (1 + 2 * err.rel) + 2 * err.abs;
    const approx = this.planarDistance(this.frame.x(lon), this.frame.y(lat), reach);
    const lo = approx * (1 - err.rel) - err.abs;
    const hi = approx * (1 + err.rel) + err.abs;
    // inside: the closed disc fits when the boundary is >= r away; outside: it must be > r away
    if (inside ? lo >= radiusKm : lo > radiusKm) return inside ? IN : OUT;
    if (hi < radiusKm) return EDGE;
    const exact = this.exactDistance(lon, lat, hi * (1 + 2 * err.rel) + 2 * err.abs);
    if (inside ? exact >= radiusKm : exact > radiusKm) return inside ? IN : OUT;
    return EDGE;
  }

  /**
   * Does the lon/lat segment a-b meet (cross or touch) an edge of the polygon? Orientation tests in
   * the frame (affine in lon/lat, so the answer is the RFC 7946 one).
   */
  meetsSegment(alon: number, alat: number, blon: number, blat: number): boolean {
    const ax = this.frame.x(alon);
    const ay = this.frame.y(alat);
    const bx = this.frame.x(blon);
    const by = this.frame.y(blat);
    const xy = this.xy;
    const edges = this.edges;
    if (this.edgeIndex) {
      const found = this.edgeIndex.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
      for (let k = 0; k < found.length; k++) {
        const e = edges[found[k]];
        if (segmentsMeet(ax, ay, bx, by, xy[2 * e], xy[2 * e + 1], xy[2 * e + 2], xy[2 * e + 3])) return true;
      }
      return false;
    }
    for (let k = 0; k < edges.length; k++) {
      const e = edges[k];
      if (segmentsMeet(ax, ay, bx, by, xy[2 * e], xy[2 * e + 1], xy[2 * e + 2], xy[2 * e + 3])) return true;
    }
    return false;
  }

  describeDistance(lon: number, lat: number): number {
    return this.exactDistance(lon, lat, Infinity);
  }

  /** Smallest planar distance from (x, y) to an edge, or Infinity when none is within `reach`. */
  private planarDistance(x: number, y: number, reach: number): number {
    const xy = this.xy;
    let best = Infinity;
    if (this.edgeIndex) {
      const found = this.edgeIndex.search(x - reach, y - reach, x + reach, y + reach);
      for (const i of found) {
        const e = this.edges[i];
        const d = segmentDistance(x, y, xy[2 * e], xy[2 * e + 1], xy[2 * e + 2], xy[2 * e + 3]);
        if (d < best) best = d;
      }
      return best;
    }
    for (let i = 0; i < this.edges.length; i++) {
      const e = this.edges[i];
      const d = segmentDistance(x, y, xy[2 * e], xy[2 * e + 1], xy[2 * e + 2], xy[2 * e + 3]);
      if (d < best) best = d;
    }
    return best;
  }

  /**
   * Exact spherical distance to the boundary among the edges whose planar distance could be the
   * minimum; `reach` bounds the search (Infinity: nearest edges by planar distance, then exact).
   */
  private exactDistance(lon: number, lat: number, reach: number): number {
    const x = this.frame.x(lon);
    const y = this.frame.y(lat);
    const xy = this.xy;
    const edges = this.edges;
    let candidates: ArrayLike<number> | null = null;
    if (this.edgeIndex) {
      if (Number.isFinite(reach)) candidates = this.edgeIndex.search(x - reach, y - reach, x + reach, y + reach);
      else {
        // for reasons: the edges within 50 km, else the nearest few (a priority queue is slower)
        const near = this.edgeIndex.search(x - 50, y - 50, x + 50, y + 50);
        candidates = near.length > 0 ? near : this.edgeIndex.neighbors(x, y, 4);
      }
    }
    const count = candidates ? candidates.length : edges.length;
    if (this.planar.length < count) this.planar = new Float64Array(count);
    const planar = this.planar;
    // planar distances first; exact ones only for edges that can be the nearest within the error bound
    let nearest = Infinity;
    for (let k = 0; k < count; k++) {
      const e = edges[candidates ? candidates[k] : k];
      const d = segmentDistance(x, y, xy[2 * e], xy[2 * e + 1], xy[2 * e + 2], xy[2 * e + 3]);
      planar[k] = d;
      if (d < nearest) nearest = d;
    }
    const err = this.frame.error(lat, Math.min(nearest, 1e4), this.err);
    const limit = (nearest * (1 + err.rel) + 2 * err.abs) / (1 - err.rel);
    const uv = this.uv;
    const p = this.p;
    unitVector(lon, lat, p, 0);
    let best = Infinity;
    for (let k = 0; k < count; k++) {
      if (planar[k] > limit) continue;
      const a = 3 * edges[candidates ? candidates[k] : k];
      const d = distanceToArcVec(p[0], p[1], p[2], uv[a], uv[a + 1], uv[a + 2], uv[a + 3], uv[a + 4], uv[a + 5]);
      if (d < best) best = d;
    }
    return best;
  }
}

function on(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
}

/** Segments p1-p2 and q1-q2 cross or touch (the classic orientation test, CLRS §33.1). */
export function segmentsMeet(
  p1x: number,
  p1y: number,
  p2x: number,
  p2y: number,
  q1x: number,
  q1y: number,
  q2x: number,
  q2y: number,
): boolean {
  const d1 = orient(q1x, q1y, q2x, q2y, p1x, p1y);
  const d2 = orient(q1x, q1y, q2x, q2y, p2x, p2y);
  const d3 = orient(p1x, p1y, p2x, p2y, q1x, q1y);
  const d4 = orient(p1x, p1y, p2x, p2y, q2x, q2y);
  if (d1 !== d2 && d3 !== d4) return true;
  return (
    (d1 === 0 && on(q1x, q1y, q2x, q2y, p1x, p1y)) ||
    (d2 === 0 && on(q1x, q1y, q2x, q2y, p2x, p2y)) ||
    (d3 === 0 && on(p1x, p1y, p2x, p2y, q1x, q1y)) ||
    (d4 === 0 && on(p1x, p1y, p2x, p2y, q2x, q2y))
  );
}
