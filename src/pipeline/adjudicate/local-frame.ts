/**
 * A local equirectangular frame around a zone: x = (lon - lon0) cos(lat0) k, y = (lat - lat0) k, in
 * km (Snyder, "Map Projections: A Working Manual", USGS PP 1395, 1987, p. 90). The map is affine in
 * lon/lat, so point-in-polygon in the frame is exactly point-in-polygon in lon/lat, which is how
 * RFC 7946 (§3.1.1) defines a polygon's edges. Distances in the frame are only approximate; every
 * planar distance is paired with an error bound and compared with exact spherical distances
 * (geodesy.ts) whenever the bound cannot settle a comparison.
 */
import type { FrameError } from './containment.js';
import { EARTH_RADIUS_KM, KM_PER_DEG } from './geodesy.js';

const RAD = Math.PI / 180;

export class LocalFrame {
  readonly lon0: number;
  readonly lat0: number;
  readonly kx: number;
  readonly ky = KM_PER_DEG;
  /** the largest chord-to-arc gap of the zone's segments, km (see `sagittaKm`) */
  private readonly sagitta: number;

  constructor(lon0: number, lat0: number, maxSegmentKm: number) {
    this.lon0 = lon0;
    this.lat0 = lat0;
    this.kx = KM_PER_DEG * Math.cos(lat0 * RAD);
    this.sagitta = sagittaKm(maxSegmentKm, lat0);
  }

  x(lon: number): number {
    return (lon - this.lon0) * this.kx;
  }

  y(lat: number): number {
    return (lat - this.lat0) * this.ky;
  }

  /**
   * Error bound of a planar distance up to `reachKm` from a point at `lat`. The x scale of the frame
   * is cos(lat0)/cos(lat) of the true one: relative error |cos lat0 - cos lat| / cos lat, at most
   * tan(|lat| + reach) |lat - lat0 + reach| (mean value theorem), doubled for safety; plus the
   * sphere's curvature over the reach, (reach / R)^2, and the sagitta of the longest segment.
   */
  error(lat: number, reachKm: number, out: FrameError): FrameError {
    const reachDeg = reachKm / KM_PER_DEG;
    const dphi = (Math.abs(lat - this.lat0) + reachDeg) * RAD;
    const phi = Math.min(89 * RAD, (Math.abs(lat) + reachDeg) * RAD);
    out.rel = 2 * Math.tan(phi) * dphi + 2 * (reachKm / EARTH_RADIUS_KM) ** 2 + 1e-9;
    out.abs = this.sagitta + 1e-6;
    return out;
  }
}

/**
 * How far the great-circle arc of a segment of length L strays from the straight lon/lat line at
 * latitude lat: the arc bulges poleward by about L^2 tan(lat) / (8 R) (the sagitta of a circle of
 * radius R / tan(lat), the projected great circle's curvature near the equator-ward side). Doubled.
 */
export function sagittaKm(segmentKm: number, lat: number): number {
  const t = Math.tan(Math.min(89, Math.abs(lat) + 1) * RAD);
  return (2 * segmentKm * segmentKm * t) / (8 * EARTH_RADIUS_KM);
}

/** Planar distance from (px, py) to the segment (ax, ay)-(bx, by). */
export function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return Math.sqrt(ex * ex + ey * ey);
}
