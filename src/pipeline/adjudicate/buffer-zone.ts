/**
 * A buffer zone (formats.md §3): every point within width_km / 2 of a line, on either side. A
 * width range [w1, w2] makes the outer edge uncertain: points whose distance to the line lies in
 * (w1/2, w2/2] are in the uncertain band.
 *
 * The distance from a point to the line is the spherical distance to the nearest of its
 * great-circle segments (geodesy.ts, after Veness). A planar distance in a local frame answers
 * first; the exact spherical distance is computed only when the planar one, with its error bound,
 * is too close to a threshold to decide.
 */
import type { Position } from 'geojson';
import { type CompiledZone, type Containment, EDGE, type FrameError, IN, OUT } from './containment.js';
import { degreesAround, distanceKm, distanceToArcVec, unitVector } from './geodesy.js';
import { LocalFrame, segmentDistance } from './local-frame.js';

export class BufferZone implements CompiledZone {
  readonly kind = 'buffer';
  readonly bbox: readonly [number, number, number, number];
  /** half widths in km: inner (certain) and outer (uncertain beyond inner) edge */
  readonly halfMin: number;
  readonly halfMax: number;
  private readonly frame: LocalFrame;
  private readonly xy: Float64Array;
  private readonly ll: Float64Array;
  private readonly err: FrameError = { rel: 0, abs: 0 };
  /** unit vectors of the line's vertices (geodesy.unitVector), 3 per vertex */
  private readonly uv: Float64Array;
  private readonly p = new Float64Array(3);

  constructor(line: Position[], widthKm: number | readonly [number, number]) {
    const [w1, w2] = typeof widthKm === 'number' ? [widthKm, widthKm] : widthKm;
    this.halfMin = w1 / 2;
    this.halfMax = w2 / 2;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let maxSeg = 0;
    this.ll = new Float64Array(line.length * 2);
    line.forEach(([lon, lat], i) => {
      this.ll[2 * i] = lon;
      this.ll[2 * i + 1] = lat;
      minX = Math.min(minX, lon);
      minY = Math.min(minY, lat);
      maxX = Math.max(maxX, lon);
      maxY = Math.max(maxY, lat);
      if (i > 0) maxSeg = Math.max(maxSeg, distanceKm(line[i - 1][0], line[i - 1][1], lon, lat));
    });
    this.frame = new LocalFrame((minX + maxX) / 2, (minY + maxY) / 2, maxSeg);
    this.uv = new Float64Array(line.length * 3);
    for (let i = 0; i < line.length; i++) unitVector(this.ll[2 * i], this.ll[2 * i + 1], this.uv, 3 * i);
    this.xy = new Float64Array(line.length * 2);
    for (let i = 0; i < line.length; i++) {
      this.xy[2 * i] = this.frame.x(this.ll[2 * i]);
      this.xy[2 * i + 1] = this.frame.y(this.ll[2 * i + 1]);
    }
    // grow the box by the outer half width (plus 1 %) at the box's most poleward latitude
    const grow = degreesAround(Math.max(Math.abs(minY), Math.abs(maxY)), this.halfMax * 1.01 + 0.01);
    this.bbox = [minX - grow.dLon, minY - grow.dLat, maxX + grow.dLon, maxY + grow.dLat];
  }

  classifyDisc(lon: number, lat: number, radiusKm: number): Containment {
    const tIn = this.halfMin - radiusKm; // certainly inside when d <= tIn
    const tOut = this.halfMax + radiusKm; // certainly outside when d > tOut
    const err = this.frame.error(lat, tOut, this.err);
    const approx = this.planarDistance(this.frame.x(lon), this.frame.y(lat));
    const lo = approx * (1 - err.rel) - err.abs;
    const hi = approx * (1 + err.rel) + err.abs;
    if (hi <= tIn) return IN;
    if (lo > tOut) return OUT;
    if (lo > tIn && hi <= tOut) return EDGE;
    return decide(this.describeDistance(lon, lat), tIn, tOut);
  }

  /** Exact spherical distance (km) from the point to the line. */
  describeDistance(lon: number, lat: number): number {
    const uv = this.uv;
    const p = this.p;
    unitVector(lon, lat, p, 0);
    let best = Infinity;
    for (let a = 0; a + 5 < uv.length; a += 3) {
      const d = distanceToArcVec(p[0], p[1], p[2], uv[a], uv[a + 1], uv[a + 2], uv[a + 3], uv[a + 4], uv[a + 5]);
      if (d < best) best = d;
    }
    return best;
  }

  private planarDistance(x: number, y: number): number {
    const xy = this.xy;
    let best = Infinity;
    for (let i = 0; i + 3 < xy.length; i += 2) {
      const d = segmentDistance(x, y, xy[i], xy[i + 1], xy[i + 2], xy[i + 3]);
      if (d < best) best = d;
    }
    return best;
  }
}

function decide(d: number, tIn: number, tOut: number): Containment {
  if (d <= tIn) return IN;
  if (d > tOut) return OUT;
  return EDGE;
}
