/**
 * Checks zod cannot express on polygon and line coordinates: rings that are not closed, edges
 * that cross, and positions written [lat, lon] instead of GeoJSON's [lon, lat].
 */
import { countryGeometry, pointInAreal } from '../geo/index.js';
import type { ProblemCode } from './problem.js';
import { firstRingIntersection } from './ring-intersections.js';
import type { PathSeg } from './source-file.js';

export type Report = (path: readonly PathSeg[], code: ProblemCode, message: string) => void;
type Pos = number[];

const fmt = (p: Pos) => `[${p.join(', ')}]`;

/**
 * Rings of one polygon (already shaped: each ring >= 4 positions of 2 numbers in range).
 * `base` is the path of the polygon's coordinates. Returns true when the polygon is usable.
 */
export function checkPolygonRings(rings: Pos[][], base: readonly PathSeg[], report: Report): boolean {
  let ok = true;
  rings.forEach((ring, r) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first[0] !== last[0] || first[1] !== last[1]) {
      report(
        [...base, r, ring.length - 1],
        'unclosed-ring',
        `ring is not closed: the last position ${fmt(last)} must repeat the first ${fmt(first)}`,
      );
      ok = false;
    }
  });
  if (!ok) return false;
  const hit = firstRingIntersection(rings);
  if (hit) {
    const at = hit.at.map((c) => Math.round(c * 1e5) / 1e5);
    if (hit.ring === hit.otherRing) report([...base, hit.ring], 'self-intersection', `ring edges cross at ${fmt(at)}`);
    else report(base, 'self-intersection', `rings ${hit.ring} and ${hit.otherRing} cross at ${fmt(at)}`);
    return false;
  }
  // a ring folded onto a line passes the crossing test but has no inside
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r];
    const p0 = ring[0];
    const p1 = ring.find((p) => p[0] !== p0[0] || p[1] !== p0[1]);
    const collinear =
      !p1 || ring.every((p) => (p1[0] - p0[0]) * (p[1] - p0[1]) - (p1[1] - p0[1]) * (p[0] - p0[0]) === 0);
    if (collinear) {
      report([...base, r], 'invalid-geometry', 'ring encloses no area (its positions lie on one line)');
      return false;
    }
  }
  return true;
}

/**
 * Detect [lat, lon] order where it can be detected: when none of the positions lies in the
 * agreement's country but most of them do once swapped. (Zones may extend past a border, so a
 * position outside the country alone proves nothing.) `positions` come with their paths.
 */
export function checkSwapped(
  country: string | undefined,
  positions: { pos: Pos; path: readonly PathSeg[] }[],
  report: Report,
): boolean {
  if (!country || positions.length === 0) return true;
  const geom = countryGeometry(country);
  if (!geom) return true;
  // an evenly spaced sample is enough to tell the orders apart, and keeps huge boundaries fast
  const step = Math.max(1, Math.floor(positions.length / 200));
  const sample = positions.filter((_, i) => i % step === 0);
  let inside = 0;
  let swapped = 0;
  for (const { pos } of sample) {
    if (pointInAreal(pos[0], pos[1], geom)) inside++;
    else if (Math.abs(pos[0]) <= 90 && pointInAreal(pos[1], pos[0], geom)) swapped++;
  }
  if (inside === 0 && swapped * 2 > sample.length) {
    const first = sample.find(({ pos }) => pointInAreal(pos[1], pos[0], geom)) ?? sample[0];
    report(
      first.path,
      'lat-lon-swapped',
      `positions look like [lat, lon]: ${fmt(first.pos)} is outside ${country} but ${fmt([first.pos[1], first.pos[0]])} is inside; GeoJSON order is [lon, lat]`,
    );
    return false;
  }
  return true;
}

/** All positions of polygon rings with their paths. */
export function ringPositions(rings: Pos[][], base: readonly PathSeg[]): { pos: Pos; path: readonly PathSeg[] }[] {
  return rings.flatMap((ring, r) => ring.map((pos, i) => ({ pos, path: [...base, r, i] })));
}
