/**
 * Distances on the sphere, for precision circles and buffer zones (formats.md §3, §4).
 *
 * The Earth is a sphere of the IUGG mean radius 6371.0088 km. Against the WGS84 ellipsoid this errs
 * by at most ~0.5 % on distances, which is far below the precision of any report we adjudicate;
 * the precision circles (`precision_km`) and widths (`width_km`) are in the same units.
 *
 * Distance from a point to a segment uses the n-vector formulation of cross-track and along-track
 * distance: C. Veness, "Vector-based geodesy", https://www.movable-type.co.uk/scripts/latlong-vectors.html
 * (and the trigonometric form in "Calculate distance, bearing and more between Latitude/Longitude
 * points", https://www.movable-type.co.uk/scripts/latlong.html, section "Cross-track distance");
 * K. Gade, "A Non-singular Horizontal Position Representation", J. Navigation 63(3), 2010.
 * A segment between two positions is the shorter great-circle arc; for the short edges of zones
 * (a few km) it differs from the straight lon/lat line of RFC 7946 by well under a metre.
 */

export const EARTH_RADIUS_KM = 6371.0088;
/** km per degree of latitude on that sphere */
export const KM_PER_DEG = (EARTH_RADIUS_KM * Math.PI) / 180;
const RAD = Math.PI / 180;

/** Great-circle distance in km between two lon/lat positions (haversine; numerically stable for short distances). */
export function distanceKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
}

/**
 * Distance in km from point P to the great-circle arc A-B (all lon/lat degrees).
 * n = A x B is the pole of the great circle; when P projects between A and B (on the same side of
 * the planes through the poles n x A and B x n) the distance is the cross-track angle asin(|P.n|),
 * else the distance to the nearer endpoint.
 */
export function distanceToArcKm(
  plon: number,
  plat: number,
  alon: number,
  alat: number,
  blon: number,
  blat: number,
): number {
  const p0 = Math.cos(plat * RAD) * Math.cos(plon * RAD);
  const p1 = Math.cos(plat * RAD) * Math.sin(plon * RAD);
  const p2 = Math.sin(plat * RAD);
  const a0 = Math.cos(alat * RAD) * Math.cos(alon * RAD);
  const a1 = Math.cos(alat * RAD) * Math.sin(alon * RAD);
  const a2 = Math.sin(alat * RAD);
  const b0 = Math.cos(blat * RAD) * Math.cos(blon * RAD);
  const b1 = Math.cos(blat * RAD) * Math.sin(blon * RAD);
  const b2 = Math.sin(blat * RAD);
  return distanceToArcVec(p0, p1, p2, a0, a1, a2, b0, b1, b2);
}

/**
 * distanceToArcKm with the three positions already as unit vectors (x = cos lat cos lon,
 * y = cos lat sin lon, z = sin lat, computed exactly as there, so the result is the same to the
 * bit): a zone converts its vertices once, a point once per question, not once per segment.
 */
export function distanceToArcVec(
  p0: number,
  p1: number,
  p2: number,
  a0: number,
  a1: number,
  a2: number,
  b0: number,
  b1: number,
  b2: number,
): number {
  // n = a x b
  let n0 = a1 * b2 - a2 * b1;
  let n1 = a2 * b0 - a0 * b2;
  let n2 = a0 * b1 - a1 * b0;
  const nl = Math.hypot(n0, n1, n2);
  if (nl < 1e-15) return angleKm(p0, p1, p2, a0, a1, a2); // degenerate segment
  n0 /= nl;
  n1 /= nl;
  n2 /= nl;
  // P lies "after" A along the arc when (a x p) . n >= 0, and "before" B when (p x b) . n >= 0
  const ap = (a1 * p2 - a2 * p1) * n0 + (a2 * p0 - a0 * p2) * n1 + (a0 * p1 - a1 * p0) * n2;
  const pb = (p1 * b2 - p2 * b1) * n0 + (p2 * b0 - p0 * b2) * n1 + (p0 * b1 - p1 * b0) * n2;
  if (ap >= 0 && pb >= 0) {
    const s = p0 * n0 + p1 * n1 + p2 * n2;
    return Math.abs(Math.asin(Math.max(-1, Math.min(1, s)))) * EARTH_RADIUS_KM;
  }
  return Math.min(angleKm(p0, p1, p2, a0, a1, a2), angleKm(p0, p1, p2, b0, b1, b2));
}

/** The unit vector of a lon/lat position (degrees) into out[k], out[k + 1], out[k + 2], as distanceToArcKm computes it. */
export function unitVector(lon: number, lat: number, out: Float64Array, k: number): void {
  out[k] = Math.cos(lat * RAD) * Math.cos(lon * RAD);
  out[k + 1] = Math.cos(lat * RAD) * Math.sin(lon * RAD);
  out[k + 2] = Math.sin(lat * RAD);
}

/** The angle between two unit vectors, as km on the sphere (atan2 form: accurate at all angles). */
function angleKm(x0: number, x1: number, x2: number, y0: number, y1: number, y2: number): number {
  const c0 = x1 * y2 - x2 * y1;
  const c1 = x2 * y0 - x0 * y2;
  const c2 = x0 * y1 - x1 * y0;
  return Math.atan2(Math.hypot(c0, c1, c2), x0 * y0 + x1 * y1 + x2 * y2) * EARTH_RADIUS_KM;
}

/** Degrees of longitude and latitude a disc of `km` around latitude `lat` can span (conservative). */
export function degreesAround(lat: number, km: number): { dLon: number; dLat: number } {
  const dLat = km / KM_PER_DEG;
  const maxLat = Math.min(89.9, Math.abs(lat) + dLat);
  return { dLon: km / (KM_PER_DEG * Math.cos(maxLat * RAD)), dLat };
}
