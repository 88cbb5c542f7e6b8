/**
 * Which agreements each registry zone can put in scope (CompiledAgreement.scopeZones: any version,
 * any phase mask). The judge finds an incident's scope among the candidate zones of its site, so an
 * agreement none of whose scope zones is a candidate judges the incident not_applicable at every
 * instant (row 1, outside the scope) without running the verdict table. With 50 agreements of
 * 20 small zones each, a point is a candidate of a handful of zones, so most (incident, agreement)
 * pairs in force are settled by one stamp comparison. The index is a zone -> agreements list in
 * compressed sparse rows; marking reuses a generation stamp, so the hot loop allocates nothing.
 */
import type { CompiledAgreement } from './compiled-agreement.js';
import { degreesAround } from './geodesy.js';
import type { IncidentSite } from './incident-site.js';
import type { ZoneRegistry } from './zone-registry.js';

export class ScopeIndex {
  /** zone z's agreements are list[start[z]] .. list[start[z + 1] - 1] */
  private readonly start: Int32Array;
  private readonly list: Int32Array;
  /** per agreement: the boxes of its scope zones, 4 numbers each (registry bboxes) */
  private readonly boxes: Float64Array[];
  private readonly stamp: Int32Array;
  private generation = 0;
  /** the agreements marked by the last `mark`, ascending: marks[0] .. marks[markCount - 1] */
  readonly marks: Int32Array;
  markCount = 0;

  constructor(agreements: readonly CompiledAgreement[], registry: ZoneRegistry) {
    const n = registry.entries.length;
    const scopes = agreements.map((a) => a.scopeZones());
    const counts = new Int32Array(n + 1);
    for (const zones of scopes) for (const z of zones) counts[z + 1]++;
    for (let z = 0; z < n; z++) counts[z + 1] += counts[z];
    this.start = counts.slice();
    this.list = new Int32Array(counts[n]);
    // agreements in ascending order, so every zone's list is ascending
    scopes.forEach((zones, j) => {
      for (const z of zones) this.list[counts[z]++] = j;
    });
    this.boxes = scopes.map((zones) => {
      const b = new Float64Array(4 * zones.length);
      zones.forEach((z, k) => {
        b.set(registry.entries[z].zone.bbox, 4 * k);
      });
      return b;
    });
    this.stamp = new Int32Array(Math.max(1, agreements.length));
    this.marks = new Int32Array(Math.max(1, agreements.length));
  }

  /**
   * Marks the agreements that a candidate zone of the site (its current incident) can put in scope,
   * and lists them in `marks`, ascending (the order findings are written in).
   */
  mark(site: IncidentSite): void {
    const gen = ++this.generation;
    const { start, list, stamp, marks } = this;
    const candidates = site.candidates;
    let n = 0;
    for (let c = 0; c < site.count; c++) {
      const z = candidates[c];
      for (let k = start[z], end = start[z + 1]; k < end; k++) {
        const j = list[k];
        if (stamp[j] === gen) continue;
        stamp[j] = gen;
        // insertion into the short ascending list
        let at = n++;
        while (at > 0 && marks[at - 1] > j) {
          marks[at] = marks[at - 1];
          at--;
        }
        marks[at] = j;
      }
    }
    this.markCount = n;
  }

  /** Since the last `mark`: can agreement j's scope contain the incident at all? */
  marked(j: number): boolean {
    return this.stamp[j] === this.generation;
  }

  /**
   * Would a scope zone of agreement j be a candidate of the disc of `radiusKm` around (lon, lat)?
   * The same box test as ZoneRegistry.candidates (zone-grid.ts), without locating the incident.
   */
  mayMeet(j: number, lon: number, lat: number, radiusKm: number): boolean {
    let minX = lon;
    let minY = lat;
    let maxX = lon;
    let maxY = lat;
    if (radiusKm > 0) {
      const { dLon, dLat } = degreesAround(lat, radiusKm);
      minX = lon - dLon;
      minY = lat - dLat;
      maxX = lon + dLon;
      maxY = lat + dLat;
    }
    const b = this.boxes[j];
    for (let k = 0; k < b.length; k += 4) {
      if (b[k] <= maxX && b[k + 1] <= maxY && b[k + 2] >= minX && b[k + 3] >= minY) return true;
    }
    return false;
  }
}
