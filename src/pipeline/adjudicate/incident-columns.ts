/**
 * Incidents in columns: a million incidents as a few typed arrays instead of a million objects
 * (the memory target of a million incidents under 1 GB, and a hot loop that touches only numbers).
 * Strings that repeat (types, actors, admin codes) are interned to integer codes; times are kept as
 * [start, end) epoch ms per time zone of the workspace's agreements (a partial date means a
 * different interval in each zone); locations as lon/lat/radius, or an admin unit, or unknown.
 *
 * `addLine` validates with incidentSchema (through the fast pre-check of incident-check.ts) and
 * reports the first problem as "field: message", so the caller can name file and line.
 */
import { type Incident, incidentSchema, isHostile } from '../../domain/incident.js';
import { TimeParseError } from '../../domain/time.js';
import type { ResolvedPlace } from './geometry-source.js';
import { quickValidIncident } from './incident-check.js';
import { EVIDENCE_KINDS, obligationEvidenceSchema } from './obligation-evidence.js';
import { WhenParser } from './time-cache.js';

export const PLACE_POINT = 0;
export const PLACE_AREA = 1;
export const PLACE_UNKNOWN = 2;

export interface ColumnsContext {
  /** the time zones of the agreements, in the adjudicator's order */
  timeZones: readonly string[];
  /** the actor code of an id (assigns new codes for unknown ids) */
  actorCode(id: string): number;
  /** a place name through the gazetteer */
  place(name: string): ResolvedPlace | undefined;
}

const grow = <T extends Float64Array | Int32Array | Uint8Array | Int8Array | Uint16Array>(a: T, n: number): T => {
  if (n <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(n, a.length * 2));
  b.set(a);
  return b;
};

export class IncidentColumns {
  count = 0;
  ids: string[] = [];
  /** the 1-based input line of each incident */
  line = new Int32Array(1024);
  /** per time zone: interval starts and ends (end === start for an instant) */
  start: Float64Array[];
  end: Float64Array[];
  type = new Uint16Array(1024);
  readonly types: string[] = [];
  hostile: boolean[] = [];
  by = new Int32Array(1024);
  against = new Int32Array(1024);
  place = new Uint8Array(1024);
  lon = new Float64Array(1024);
  lat = new Float64Array(1024);
  radius = new Float64Array(1024);
  /** PLACE_AREA: index into `areas`; PLACE_UNKNOWN: index into `unknownPlaces` */
  area = new Int32Array(1024);
  readonly areas: string[] = [];
  readonly unknownPlaces: string[] = [];
  fatalities = new Int32Array(1024);
  civilianFatalities = new Int32Array(1024);
  /** the incident's `sources`, as JSON text (undefined when absent) */
  sources: (string | undefined)[] = [];
  /** raw `when` as written, for reasons */
  when: string[] = [];
  /** obligation evidence: kind index in EVIDENCE_KINDS or -1; the rest as interned strings (-1 absent) */
  evidence = new Int8Array(1024);
  evidenceWhat = new Int32Array(1024);
  evidenceRule = new Int32Array(1024);
  evidenceAgreement = new Int32Array(1024);
  evidenceActor = new Int32Array(1024);
  readonly strings: string[] = [];

  private readonly ctx: ColumnsContext;
  private readonly parsers: WhenParser[];
  private readonly typeIndex = new Map<string, number>();
  private readonly stringIndex = new Map<string, number>();
  private readonly areaIndex = new Map<string, number>();
  private readonly unknownIndex = new Map<string, number>();
  private readonly placeMemo = new Map<string, ResolvedPlace | undefined>();
  private readonly iv = new Float64Array(2);

  constructor(ctx: ColumnsContext) {
    this.ctx = ctx;
    this.parsers = ctx.timeZones.map((tz) => new WhenParser(tz));
    this.start = ctx.timeZones.map(() => new Float64Array(1024));
    this.end = ctx.timeZones.map(() => new Float64Array(1024));
  }

  /** Parses and adds one JSONL line; returns null, or "field: message" when the line is invalid. */
  addLine(text: string, lineNo: number): string | null {
    let o: unknown;
    try {
      o = JSON.parse(text);
    } catch (err) {
      return `not valid JSON (${err instanceof Error ? err.message : String(err)})`;
    }
    if (!quickValidIncident(o)) {
      const r = incidentSchema.safeParse(o);
      if (!r.success) {
        const issue = r.error.issues[0];
        return `${issue.path.length ? issue.path.join('.') : 'incident'}: ${issue.message}`;
      }
      o = r.data;
    }
    return this.add(o as Incident, lineNo);
  }

  /** Adds an incident already validated against incidentSchema; returns null or "field: message". */
  add(inc: Incident, lineNo = 0): string | null {
    const i = this.count;
    const n = i + 1;
    // times first: a calendar error (2016-02-30) rejects the line before anything is stored
    for (let z = 0; z < this.parsers.length; z++) {
      try {
        this.parsers[z].parse(inc.when, this.iv);
      } catch (err) {
        if (err instanceof TimeParseError) return `when: ${err.message}`;
        throw err;
      }
      this.start[z] = grow(this.start[z], n);
      this.end[z] = grow(this.end[z], n);
      this.start[z][i] = this.iv[0];
      this.end[z][i] = this.iv[1];
    }
    let ev: { kind: string; what?: string; rule?: string; agreement?: string; actor?: string } | undefined;
    const rawEvidence = (inc as Record<string, unknown>).obligation;
    if (rawEvidence !== undefined) {
      const r = obligationEvidenceSchema.safeParse(rawEvidence);
      if (!r.success) {
        const issue = r.error.issues[0];
        return `obligation${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`;
      }
      ev = r.data;
    }
    this.ensure(n);
    this.count = n;
    this.ids.push(String(inc.id));
    this.when.push(inc.when);
    this.line[i] = lineNo;
    let t = this.typeIndex.get(inc.type);
    if (t === undefined) {
      t = this.types.length;
      this.types.push(inc.type);
      this.hostile.push(isHostile(inc.type));
      this.typeIndex.set(inc.type, t);
    }
    this.type[i] = t;
    this.by[i] = inc.by ? this.ctx.actorCode(inc.by) : -1;
    this.against[i] = inc.against ? this.ctx.actorCode(inc.against) : -1;
    this.setPlace(i, inc.where);
    this.fatalities[i] = inc.fatalities?.total ?? -1;
    this.civilianFatalities[i] = inc.fatalities?.civilians ?? -1;
    this.sources.push(inc.sources ? JSON.stringify(inc.sources) : undefined);
    this.evidence[i] = ev ? EVIDENCE_KINDS.indexOf(ev.kind as never) : -1;
    this.evidenceWhat[i] = this.intern(ev?.what);
    this.evidenceRule[i] = this.intern(ev?.rule);
    this.evidenceAgreement[i] = this.intern(ev?.agreement);
    this.evidenceActor[i] = ev?.actor ? this.ctx.actorCode(ev.actor) : -1;
    return null;
  }

  private setPlace(i: number, w: Incident['where']): void {
    this.radius[i] = 0;
    if (w.lat !== undefined && w.lon !== undefined) {
      this.place[i] = PLACE_POINT;
      this.lat[i] = w.lat;
      this.lon[i] = w.lon;
      this.radius[i] = w.precision_km ?? 0;
      return;
    }
    if (w.admin !== undefined) {
      this.setArea(i, w.admin);
      return;
    }
    const name = w.name!;
    let resolved = this.placeMemo.get(name);
    if (!this.placeMemo.has(name)) {
      resolved = this.ctx.place(name);
      this.placeMemo.set(name, resolved);
    }
    if (resolved && 'lat' in resolved) {
      this.place[i] = PLACE_POINT;
      this.lat[i] = resolved.lat;
      this.lon[i] = resolved.lon;
      this.radius[i] = Math.max(w.precision_km ?? 0, resolved.precision_km ?? 0);
    } else if (resolved) {
      this.setArea(i, resolved.admin);
    } else if (w.admin2 ?? w.admin1) {
      // extraction's admin units stand in for a name the gazetteer does not know
      this.setArea(i, (w.admin2 ?? w.admin1)!);
    } else {
      this.place[i] = PLACE_UNKNOWN;
      let k = this.unknownIndex.get(name);
      if (k === undefined) {
        k = this.unknownPlaces.length;
        this.unknownPlaces.push(name);
        this.unknownIndex.set(name, k);
      }
      this.area[i] = k;
    }
  }

  private setArea(i: number, code: string): void {
    let k = this.areaIndex.get(code);
    if (k === undefined) {
      k = this.areas.length;
      this.areas.push(code);
      this.areaIndex.set(code, k);
    }
    this.place[i] = PLACE_AREA;
    this.area[i] = k;
  }

  private intern(s: string | undefined): number {
    if (s === undefined) return -1;
    let k = this.stringIndex.get(s);
    if (k === undefined) {
      k = this.strings.length;
      this.strings.push(s);
      this.stringIndex.set(s, k);
    }
    return k;
  }

  private ensure(n: number): void {
    if (n <= this.line.length) return;
    this.line = grow(this.line, n);
    this.type = grow(this.type, n);
    this.by = grow(this.by, n);
    this.against = grow(this.against, n);
    this.place = grow(this.place, n);
    this.lon = grow(this.lon, n);
    this.lat = grow(this.lat, n);
    this.radius = grow(this.radius, n);
    this.area = grow(this.area, n);
    this.fatalities = grow(this.fatalities, n);
    this.civilianFatalities = grow(this.civilianFatalities, n);
    this.evidence = grow(this.evidence, n);
    this.evidenceWhat = grow(this.evidenceWhat, n);
    this.evidenceRule = grow(this.evidenceRule, n);
    this.evidenceAgreement = grow(this.evidenceAgreement, n);
    this.evidenceActor = grow(this.evidenceActor, n);
  }
}
