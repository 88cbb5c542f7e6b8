/**
 * An incident located only by an admin unit (`where: {admin: CODE}`, formats.md §4) is "anywhere
 * inside that unit": it is certainly inside a zone when the whole unit is, certainly outside when
 * they do not meet, and straddles otherwise.
 *
 * Codes answer first: OCHA p-codes are hierarchical (SY0500 lies in SY05, which lies in SY), so a
 * unit lies in the zone of any code its own code extends, and sibling codes never meet. Geometry
 * answers the rest: polygon clipping (turf intersect/difference, Martinez-Rueda via polyclip-ts)
 * for polygon zones; for buffer zones the unit against the buffer polygons of the inner and outer
 * half widths (turf buffer, 64 steps per quarter circle; the outer one grown by 1 % so that the
 * inscribed chords cannot make "certainly outside" claim too much).
 */
import { buffer, difference, feature, featureCollection, intersect, lineString } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { type Containment, EDGE, IN, OUT } from './containment.js';
import type { AreaGeometry } from './geometry-source.js';

const PCODE = /^[A-Z]{2}\d*$/;

/** Containment by codes alone, or null when codes cannot tell. */
export function relateCodes(unit: string, zoneCode: string | undefined): Containment | null {
  if (!zoneCode || !PCODE.test(unit) || !PCODE.test(zoneCode)) return null;
  if (unit.startsWith(zoneCode)) return IN;
  if (unit.slice(0, 2) !== zoneCode.slice(0, 2)) return null; // other country: let geometry decide
  if (zoneCode.startsWith(unit)) return EDGE; // the zone is a part of the unit
  return OUT; // siblings in one hierarchy do not overlap
}

/** The unit against a polygon zone. */
export function relatePolygons(unit: AreaGeometry, zone: AreaGeometry): Containment {
  const u = feature(unit) as Feature<Polygon | MultiPolygon>;
  const z = feature(zone) as Feature<Polygon | MultiPolygon>;
  if (!intersect(featureCollection([u, z]))) return OUT;
  if (!difference(featureCollection([u, z]))) return IN;
  return EDGE;
}

/** The unit against a buffer zone of half widths [halfMin, halfMax] km around `line`. */
export function relateBuffer(unit: AreaGeometry, line: [number, number][], halfMin: number, halfMax: number): Containment {
  const l = lineString(line);
  const inner = buffer(l, halfMin, { units: 'kilometers', steps: 64 });
  if (inner && relatePolygons(unit, inner.geometry as AreaGeometry) === IN) return IN;
  const outer = buffer(l, halfMax * 1.01 + 0.01, { units: 'kilometers', steps: 64 });
  if (outer && relatePolygons(unit, outer.geometry as AreaGeometry) === OUT) return OUT;
  return EDGE;
}
