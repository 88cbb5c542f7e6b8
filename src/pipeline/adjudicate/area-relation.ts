/**
 * An incident located only by an admin unit (`where: {admin: CODE}`, formats.md §4) is "anywhere
 * inside that unit": it is certainly inside a zone when the whole unit is, certainly outside when
 * they do not meet, and straddles otherwise.
 *
 * Codes answer first: OCHA p-codes are hierarchical (SY0500 lies in SY05, which lies in SY), so a
 * unit lies in the zone of any code its own code extends, and sibling codes never meet.
 * Geometry answers the rest, with the compiled polygons (RFC 7946 straight lon/lat edges): two
 * polygons whose boundaries do not meet are nested or disjoint, which vertex-in-polygon tests tell
 * apart (e.g. de Berg et al., "Computational Geometry", 3rd ed., §2.1 on boundary overlay).
 * A unit against a buffer zone: outside when every point of the unit is farther than the outer
 * half width from the line (no line vertex inside the unit, no crossing, and the smallest
 * edge-to-segment distance beyond it); otherwise it straddles. "Certainly inside a buffer" is not
 * claimed for a unit: admin units are far wider than buffer zones.
 */
import type { BufferZone } from './buffer-zone.js';
import { type Containment, EDGE, IN, OUT } from './containment.js';
import type { PolygonZone } from './polygon-zone.js';

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
export function relatePolygons(unit: PolygonZone, zone: PolygonZone): Containment {
  const u = unit.ll;
  const [minX, minY, maxX, maxY] = zone.bbox;
  for (const e of unit.edges) {
    const ax = u[2 * e];
    const ay = u[2 * e + 1];
    const bx = u[2 * e + 2];
    const by = u[2 * e + 3];
    // most edges of a governorate are far from a small zone: reject by box first
    if ((ax < minX && bx < minX) || (ax > maxX && bx > maxX) || (ay < minY && by < minY) || (ay > maxY && by > maxY))
      continue;
    if (zone.meetsSegment(ax, ay, bx, by)) return EDGE;
  }
  // boundaries do not meet: each ring of one lies wholly inside or outside the other
  let unitIn = 0;
  let unitOut = 0;
  for (let v = 0; v < u.length; v += 2) {
    if (zone.containsPoint(u[v], u[v + 1])) unitIn++;
    else unitOut++;
  }
  const z = zone.ll;
  let zoneInUnit = false;
  for (let v = 0; v < z.length && !zoneInUnit; v += 2) zoneInUnit = unit.containsPoint(z[v], z[v + 1]);
  if (unitOut === 0) return zoneInUnit ? EDGE : IN; // a hole (or part) of the zone inside the unit
  if (unitIn === 0) return zoneInUnit ? EDGE : OUT;
  return EDGE;
}

/** The unit against a buffer zone with `line` as its centre line. */
export function relateBuffer(unit: PolygonZone, zone: BufferZone, line: [number, number][]): Containment {
  for (const [x, y] of line) if (unit.containsPoint(x, y)) return EDGE;
  for (let k = 1; k < line.length; k++) {
    if (unit.meetsSegment(line[k - 1][0], line[k - 1][1], line[k][0], line[k][1])) return EDGE;
  }
  // no contact: the closest approach of the two is from a vertex of one to the other
  const u = unit.ll;
  for (let v = 0; v < u.length; v += 2) if (zone.classifyDisc(u[v], u[v + 1], 0) !== OUT) return EDGE;
  for (const [x, y] of line) if (unit.classifyDisc(x, y, zone.halfMax) !== OUT) return EDGE;
  return OUT;
}
