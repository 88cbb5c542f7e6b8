/**
 * Where the current incident is, against the zones of the registry: the candidate zones (from the
 * registry's box index) and, lazily, each candidate's containment. One instance is reused for
 * every incident (a generation stamp instead of clearing), so the hot loop allocates nothing.
 */
import { relateBuffer, relateCodes, relatePolygons } from './area-relation.js';
import { BufferZone } from './buffer-zone.js';
import { type Containment, EDGE, OUT } from './containment.js';
import type { AreaGeometry } from './geometry-source.js';
import { type IncidentColumns, PLACE_AREA, PLACE_POINT } from './incident-columns.js';
import { PolygonZone } from './polygon-zone.js';
import type { ZoneEntry, ZoneRegistry } from './zone-registry.js';

const UNKNOWN = -1;

export class IncidentSite {
  /** candidate zones of the current incident */
  readonly candidates: Int32Array;
  count = 0;
  private readonly stamp: Int32Array;
  private readonly state: Int8Array;
  /** describeDistance of the current incident per zone, valid where distanceStamp = generation */
  private readonly distanceStamp: Int32Array;
  private readonly distance: Float64Array;
  private generation = 0;
  private readonly registry: ZoneRegistry;
  private readonly areaGeometry: (code: string) => AreaGeometry | undefined;
  /** per admin code: its containment in each zone, -1 until computed */
  private readonly areaMemo = new Map<string, Int8Array>();
  /** areaMemo's row for the current incident's admin unit */
  private areaRow: Int8Array | null = null;
  private readonly areaBoxMemo = new Map<string, number[]>();
  private readonly unitMemo = new Map<string, PolygonZone | undefined>();
  // the current incident
  private kind = PLACE_POINT;
  private lon = 0;
  private lat = 0;
  private radius = 0;
  private areaCode = '';

  constructor(registry: ZoneRegistry, areaGeometry: (code: string) => AreaGeometry | undefined) {
    this.registry = registry;
    this.areaGeometry = areaGeometry;
    const n = registry.entries.length;
    this.candidates = new Int32Array(Math.max(1, n));
    this.stamp = new Int32Array(Math.max(1, n));
    this.state = new Int8Array(Math.max(1, n));
    this.distanceStamp = new Int32Array(Math.max(1, n));
    this.distance = new Float64Array(Math.max(1, n));
  }

  /** Registry entry z (the zone and how it is written), for reasons. */
  entry(z: number): ZoneEntry {
    return this.registry.entries[z];
  }

  /**
   * For reasons: the distance (km) from the current incident's point to what defines zone z's edge.
   * Several agreements name the same zone (a country scope, an amendment's copy), and the exact
   * distance to a long boundary is the costliest part of a finding, so it is kept per incident.
   */
  distanceTo(z: number): number {
    if (this.distanceStamp[z] !== this.generation) {
      this.distance[z] = this.registry.entries[z].zone.describeDistance(this.lon, this.lat);
      this.distanceStamp[z] = this.generation;
    }
    return this.distance[z];
  }

  /** Points the site at incident i of the columns. */
  locate(cols: IncidentColumns, i: number): void {
    this.generation++;
    const kind = cols.place[i];
    this.kind = kind;
    if (kind === PLACE_POINT) {
      this.lon = cols.lon[i];
      this.lat = cols.lat[i];
      this.radius = cols.radius[i];
      this.count = this.registry.candidates(this.lon, this.lat, this.radius, this.candidates);
    } else if (kind === PLACE_AREA) {
      this.areaCode = cols.areas[cols.area[i]];
      let row = this.areaMemo.get(this.areaCode);
      if (!row) {
        row = new Int8Array(this.registry.entries.length).fill(UNKNOWN);
        this.areaMemo.set(this.areaCode, row);
      }
      this.areaRow = row;
      const zones = this.areaCandidates(this.areaCode);
      for (let k = 0; k < zones.length; k++) this.candidates[k] = zones[k];
      this.count = zones.length;
    } else {
      // an unknown place may be anywhere: every zone is a candidate and straddles
      const n = this.registry.entries.length;
      for (let k = 0; k < n; k++) this.candidates[k] = k;
      this.count = n;
    }
    for (let k = 0; k < this.count; k++) {
      const z = this.candidates[k];
      this.stamp[z] = this.generation;
      this.state[z] = UNKNOWN;
    }
  }

  /** Containment of the current incident in registry zone z. */
  classify(z: number): Containment {
    if (this.stamp[z] !== this.generation) return OUT;
    let s = this.state[z];
    if (s === UNKNOWN) {
      s = this.compute(z);
      this.state[z] = s;
    }
    return s as Containment;
  }

  private compute(z: number): Containment {
    const entry = this.registry.entries[z];
    if (this.kind === PLACE_POINT) return entry.zone.classifyDisc(this.lon, this.lat, this.radius);
    if (this.kind !== PLACE_AREA) return EDGE;
    const row = this.areaRow!;
    let c = row[z] as Containment | typeof UNKNOWN;
    if (c === UNKNOWN) {
      c = relateCodes(this.areaCode, entry.code) ?? EDGE;
      if (c === EDGE && !entry.unavailable) {
        const unit = this.unitZone(this.areaCode);
        if (unit && entry.zone instanceof PolygonZone) c = relatePolygons(unit, entry.zone);
        else if (unit && entry.zone instanceof BufferZone && entry.buffer)
          c = relateBuffer(unit, entry.zone, entry.buffer.line);
        // without the unit's geometry, only codes could have decided
      }
      row[z] = c;
    }
    return c;
  }

  private unitZone(code: string): PolygonZone | undefined {
    if (!this.unitMemo.has(code)) {
      const g = this.areaGeometry(code);
      this.unitMemo.set(code, g ? new PolygonZone(g) : undefined);
    }
    return this.unitMemo.get(code);
  }

  private areaCandidates(code: string): number[] {
    let zones = this.areaBoxMemo.get(code);
    if (!zones) {
      const unit = this.areaGeometry(code);
      if (unit) {
        let minX = Infinity;
        let minY = Infinity;
        let maxX = -Infinity;
        let maxY = -Infinity;
        const polys = unit.type === 'Polygon' ? [unit.coordinates] : unit.coordinates;
        for (const p of polys) {
          for (const [x, y] of p[0]) {
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
          }
        }
        zones = this.registry.candidatesInBox([minX, minY, maxX, maxY]);
        // zones related by code (an admin zone of the same hierarchy) count even without geometry
        this.registry.entries.forEach((e, k) => {
          if (e.code && !zones!.includes(k) && relateCodes(code, e.code) !== null) zones!.push(k);
        });
      } else {
        zones = this.registry.entries.map((_, k) => k);
      }
      this.areaBoxMemo.set(code, zones);
    }
    return zones;
  }
}
