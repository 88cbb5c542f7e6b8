/**
 * Every zone of every agreement version, compiled once and shared (the same `country: SY` or the
 * same zone file serves many agreements), with a grid (zone-grid.ts) for point queries and a
 * flatbush index for box queries: the spatial question for an incident (which zones could contain
 * it) is asked once, not once per agreement.
 */
import Flatbush from 'flatbush';
import { type ZoneSpec, zoneForm } from '../../domain/zone.js';
import { BufferZone } from './buffer-zone.js';
import { type CompiledZone, type Containment, EDGE } from './containment.js';
import { degreesAround } from './geodesy.js';
import type { AreaGeometry, GeometrySource } from './geometry-source.js';
import { PolygonZone } from './polygon-zone.js';
import { ZoneGrid } from './zone-grid.js';

export interface ZoneEntry {
  zone: CompiledZone;
  /** how the zone is written: file, polygon, buffer, country or admin */
  form: ReturnType<typeof zoneForm>;
  /** for admin/country zones: the code, used for code-based containment of admin wheres */
  code?: string;
  /** set when the geometry could not be resolved: every incident then straddles the zone */
  unavailable?: string;
  /** the polygon geometry, kept for admin wheres (area against area) */
  geometry?: AreaGeometry;
  /** the buffer's line and half widths, kept for admin wheres */
  buffer?: { line: [number, number][]; halfMin: number; halfMax: number };
}

/** A zone whose geometry is unknown: nothing is certainly inside or outside it. */
class UnavailableZone implements CompiledZone {
  readonly kind = 'polygon';
  readonly bbox = [-180, -90, 180, 90] as const;
  classifyDisc(): Containment {
    return EDGE;
  }
  describeDistance(): number {
    return Number.NaN;
  }
}

export class ZoneRegistry {
  readonly entries: ZoneEntry[] = [];
  private readonly byKey = new Map<string, number>();
  private index: Flatbush | null = null;
  /** point and disc queries (the hot path); flatbush answers box queries */
  private grid: ZoneGrid | null = null;
  private readonly source: GeometrySource;
  private readonly bySpec = new WeakMap<object, number>();

  constructor(source: GeometrySource) {
    this.source = source;
  }

  /** The registry index of a zone spec; `resolved` is a geometry the workspace loader already read. */
  add(spec: ZoneSpec, resolved?: AreaGeometry): number {
    const same = this.bySpec.get(spec);
    if (same !== undefined && resolved === undefined) return same;
    const form = zoneForm(spec);
    const key = `${form}:${JSON.stringify('file' in spec ? spec.file : 'polygon' in spec ? spec.polygon : 'buffer' in spec ? spec.buffer : 'country' in spec ? spec.country : spec.admin)}`;
    const known = this.byKey.get(key);
    if (known !== undefined) {
      this.bySpec.set(spec, known);
      return known;
    }
    this.index = null;
    this.grid = null;
    const entry = this.compile(spec, form, resolved);
    this.entries.push(entry);
    this.byKey.set(key, this.entries.length - 1);
    this.bySpec.set(spec, this.entries.length - 1);
    return this.entries.length - 1;
  }

  private compile(spec: ZoneSpec, form: ZoneEntry['form'], resolved?: AreaGeometry): ZoneEntry {
    const code = 'country' in spec ? spec.country : 'admin' in spec ? spec.admin : undefined;
    const unavailable = (why: string): ZoneEntry => ({ zone: new UnavailableZone(), form, code, unavailable: why });
    try {
      if ('buffer' in spec) {
        const zone = new BufferZone(spec.buffer.line, spec.buffer.width_km);
        const line = spec.buffer.line.map(([x, y]) => [x, y] as [number, number]);
        return { zone, form, buffer: { line, halfMin: zone.halfMin, halfMax: zone.halfMax } };
      }
      const polygon = (geometry: AreaGeometry, code?: string): ZoneEntry => ({
        zone: new PolygonZone(geometry),
        form,
        geometry,
        code,
      });
      if ('polygon' in spec) return polygon({ type: 'Polygon', coordinates: spec.polygon });
      if ('file' in spec) {
        const g = resolved ?? this.source.file(spec.file);
        return g ? polygon(g) : unavailable(`zone file ${spec.file} could not be read`);
      }
      if ('country' in spec) {
        const g = resolved ?? this.source.country(spec.country);
        return g ? polygon(g, spec.country) : unavailable(`no boundary for country ${spec.country}`);
      }
      const g = resolved ?? this.source.admin(spec.admin);
      return g ? polygon(g, spec.admin) : unavailable(`no boundary for admin unit ${spec.admin}`);
    } catch (err) {
      return unavailable(err instanceof Error ? err.message : String(err));
    }
  }

  /** The registry index of a country outline (the scope of an agreement without cessation rules). */
  addCountry(alpha2: string): number {
    return this.add({ country: alpha2 });
  }

  private build(): Flatbush {
    const boxes = new Float64Array(4 * this.entries.length);
    for (let z = 0; z < this.entries.length; z++) boxes.set(this.entries[z].zone.bbox, 4 * z);
    this.grid = new ZoneGrid(boxes);
    const index = new Flatbush(Math.max(1, this.entries.length));
    for (const e of this.entries) index.add(...(e.zone.bbox as [number, number, number, number]));
    if (this.entries.length === 0) index.add(0, 0, 0, 0);
    index.finish();
    this.index = index;
    return index;
  }

  /**
   * Writes into `out` the zones whose box meets the box of the disc of `radiusKm` around (lon, lat);
   * returns how many. Zones not listed certainly do not contain any point of the disc.
   */
  candidates(lon: number, lat: number, radiusKm: number, out: Int32Array): number {
    if (!this.grid) this.build();
    if (radiusKm <= 0) return this.grid!.query(lon, lat, lon, lat, out);
    const { dLon, dLat } = degreesAround(lat, radiusKm);
    return this.grid!.query(lon - dLon, lat - dLat, lon + dLon, lat + dLat, out);
  }

  /** Zones whose box meets a lon/lat box (admin wheres). */
  candidatesInBox(bbox: readonly [number, number, number, number]): number[] {
    const index = this.index ?? this.build();
    return index.search(bbox[0], bbox[1], bbox[2], bbox[3]).filter((i) => i < this.entries.length);
  }
}
