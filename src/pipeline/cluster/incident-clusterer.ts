/**
 * Incremental clustering of reports into incidents with a spatio-temporal hash grid: every
 * incident is filed under (UTC day, 0.1-degree cell) and (UTC day, place name); a new report only
 * looks at the cells of its days and the 3x3 cells around its point, so adding n reports costs
 * O(n) lookups instead of the O(n^2) of comparing every pair (the usual grid-hashing trick for
 * fixed-radius neighbour search, e.g. Bentley & Friedman, "Data structures for range searching",
 * ACM Computing Surveys 11(4), 1979). Reports join the best-matching incident (sameEventScore) or
 * found a new one; incidents keep the most precise facts of their reports.
 */
import type { IncidentRow, ReportRow } from '../../store/schema.js';
import {
  DAY_MS,
  type EventFacts,
  MAX_ANCHOR_SPAN_MS,
  moreSpecificType,
  paddedInterval,
  placeKey,
  sameEventScore,
} from './same-event.js';

const CELL_DEG = 0.1;

export interface ClusterState {
  row: IncidentRow;
  facts: EventFacts;
  sources: Set<string>;
  /** true until the store has assigned the incident its final id */
  fresh: boolean;
  /** the report that founded a fresh incident */
  founder?: ReportRow;
}

export function factsOf(r: {
  t_start: number | null;
  t_end: number | null;
  lat: number | null;
  lon: number | null;
  precision_km: number | null;
  place: string | null;
  admin1: string | null;
  type: string | null;
  by_actor: string | null;
  against_actor: string | null;
}): EventFacts {
  return {
    t_start: r.t_start!,
    t_end: r.t_end ?? r.t_start!,
    lat: r.lat,
    lon: r.lon,
    precision_km: r.precision_km,
    place_key: placeKey(r.place, r.admin1),
    type: r.type ?? 'other',
    by_actor: r.by_actor,
    against_actor: r.against_actor,
  };
}

/** UTC days a (padded) interval touches; empty for intervals too vague to anchor a cluster. */
export function daysOf(t_start: number, t_end: number): number[] {
  if (t_end - t_start > MAX_ANCHOR_SPAN_MS) return [];
  const [s, e] = paddedInterval(t_start, t_end);
  const out: number[] = [];
  for (let d = Math.floor(s / DAY_MS); d <= Math.floor((e - 1) / DAY_MS); d++) out.push(d);
  return out;
}

/** A name is filed without its admin unit, so that "Sarmada" finds "Sarmada, Idlib" (sameEventScore decides). */
function nameKey(placeKey: string): string {
  return placeKey.startsWith('|') ? placeKey : placeKey.slice(0, placeKey.indexOf('|'));
}

/**
 * A grid cell as one number (numbers hash faster than strings): day * 2^22 + row * 4096 + column,
 * with rows and columns of 0.1 degree offset to be non-negative (lat -90..90 -> 0..1800,
 * lon -180..180 -> 0..3600). Exact in a double for days up to 2^31.
 */
function cellKey(day: number, cy: number, cx: number): number {
  return day * 4_194_304 + (cy + 900) * 4096 + (cx + 1800);
}

function addTo<K>(map: Map<K, ClusterState[]>, key: K, state: ClusterState): void {
  const list = map.get(key);
  if (!list) map.set(key, [state]);
  else if (!list.includes(state)) list.push(state);
}

/** Noisy-OR of independent sources (Pearl, "Probabilistic Reasoning in Intelligent Systems", 1988, §4.3.2). */
export function noisyOr(weights: number[]): number {
  let miss = 1;
  for (const w of weights) miss *= 1 - Math.min(0.99, Math.max(0, w));
  return Math.round((1 - miss) * 1000) / 1000;
}

export class IncidentClusterer {
  /** (day, cell) -> incidents filed there */
  private readonly cells = new Map<number, ClusterState[]>();
  /** "day#place name" -> incidents filed there */
  private readonly names = new Map<string, ClusterState[]>();
  private readonly byId = new Map<string, ClusterState>();
  private readonly dirty = new Set<ClusterState>();
  /** days whose incidents are all in memory */
  readonly loadedDays = new Set<number>();

  constructor(private readonly weightOf: (sourceId: string) => number) {}

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  clear(): void {
    this.cells.clear();
    this.names.clear();
    this.byId.clear();
    this.dirty.clear();
    this.loadedDays.clear();
  }

  /** File an incident read from the store (ignored if already in memory). */
  addExisting(row: IncidentRow): void {
    if (this.byId.has(row.id)) return;
    const state: ClusterState = {
      row,
      facts: factsOf(row),
      sources: new Set(JSON.parse(row.source_ids) as string[]),
      fresh: false,
    };
    this.byId.set(row.id, state);
    this.file(state);
  }

  private file(state: ClusterState): void {
    const f = state.facts;
    const name = f.place_key ? nameKey(f.place_key) : null;
    const hasPoint = f.lat !== null && f.lon !== null;
    for (const day of daysOf(f.t_start, f.t_end)) {
      if (name) addTo(this.names, `${day}#${name}`, state);
      if (hasPoint)
        addTo(this.cells, cellKey(day, Math.floor(f.lat! / CELL_DEG), Math.floor(f.lon! / CELL_DEG)), state);
    }
  }

  // the running best of `best()`: fields rather than a closure allocated per report
  private bestState: ClusterState | undefined;
  private bestScore = Number.POSITIVE_INFINITY;

  private consider(f: EventFacts, list: ClusterState[] | undefined): void {
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      const score = sameEventScore(f, s.facts);
      if (score === null) continue;
      const best = this.bestState;
      // ties: the better-corroborated incident wins (clusters do not fragment), then the smaller
      // id, so the outcome does not depend on the order incidents were loaded in
      if (
        score < this.bestScore ||
        (score === this.bestScore &&
          best &&
          (s.row.report_count > best.row.report_count ||
            (s.row.report_count === best.row.report_count && s.row.id < best.row.id)))
      ) {
        this.bestState = s;
        this.bestScore = score;
      }
    }
  }

  private best(f: EventFacts): ClusterState | undefined {
    if (f.t_end - f.t_start > MAX_ANCHOR_SPAN_MS) return undefined;
    this.bestState = undefined;
    this.bestScore = Number.POSITIVE_INFINITY;
    const [s, e] = paddedInterval(f.t_start, f.t_end);
    const name = f.place_key ? nameKey(f.place_key) : null;
    const hasPoint = f.lat !== null && f.lon !== null;
    const cy = hasPoint ? Math.floor(f.lat! / CELL_DEG) : 0;
    const cx = hasPoint ? Math.floor(f.lon! / CELL_DEG) : 0;
    for (let day = Math.floor(s / DAY_MS); day <= Math.floor((e - 1) / DAY_MS); day++) {
      if (name) this.consider(f, this.names.get(`${day}#${name}`));
      if (hasPoint) {
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) this.consider(f, this.cells.get(cellKey(day, cy + dy, cx + dx)));
      }
    }
    const best = this.bestState;
    this.bestState = undefined;
    return best;
  }

  /** Put a report (with t_start) into an incident; sets report.incident_id for existing ones. */
  assign(report: ReportRow, now: number): ClusterState {
    const f = factsOf(report);
    const sources = sourceList(report.source_ids);
    const target = this.best(f);
    if (!target) {
      const row: IncidentRow = {
        id: report.id,
        at_text: report.at_text ?? new Date(report.t_start!).toISOString(),
        t_start: f.t_start,
        t_end: f.t_end,
        lat: report.lat,
        lon: report.lon,
        precision_km: report.precision_km,
        place: report.place,
        admin1: report.admin1,
        admin2: report.admin2,
        type: f.type,
        by_actor: report.by_actor,
        against_actor: report.against_actor,
        fatalities: report.fatalities,
        description: report.description,
        report_count: 1,
        source_count: new Set(sources).size,
        source_ids: JSON.stringify([...new Set(sources)]),
        confidence: noisyOr([...new Set(sources)].map(this.weightOf)),
        review_state: 'reported',
        locked_by: null,
        locked_at: null,
        duplicate_of: null,
        stale: 1,
        extra: extraOf(report),
        created_at: now,
        updated_at: now,
      };
      const state: ClusterState = { row, facts: f, sources: new Set(sources), fresh: true, founder: report };
      this.byId.set(row.id, state);
      this.file(state);
      this.dirty.add(state);
      return state;
    }
    this.merge(target, report, f, sources, now);
    return target;
  }

  private merge(s: ClusterState, r: ReportRow, f: EventFacts, sources: string[], now: number): void {
    const row = s.row;
    row.report_count += 1;
    for (const src of sources) s.sources.add(src);
    row.source_ids = JSON.stringify([...s.sources]);
    row.source_count = s.sources.size;
    row.confidence = noisyOr([...s.sources].map(this.weightOf));
    // the tighter time and the more precise place win: they carry the most information
    if (f.t_end - f.t_start < row.t_end - row.t_start) {
      row.t_start = f.t_start;
      row.t_end = f.t_end;
      row.at_text = r.at_text ?? row.at_text;
    }
    const rPrec = r.lat === null ? Number.POSITIVE_INFINITY : (r.precision_km ?? 0);
    const iPrec = row.lat === null ? Number.POSITIVE_INFINITY : (row.precision_km ?? 0);
    if (rPrec < iPrec) {
      row.lat = r.lat;
      row.lon = r.lon;
      row.precision_km = r.precision_km;
      if (r.place) row.place = r.place;
      if (r.admin1) row.admin1 = r.admin1;
    }
    row.admin2 ??= r.admin2;
    if (!row.place && r.place) {
      // a name and its admin unit go together (they make the place key)
      row.place = r.place;
      row.admin1 = r.admin1 ?? row.admin1;
    }
    row.type = moreSpecificType(row.type, f.type);
    row.by_actor ??= r.by_actor;
    row.against_actor ??= r.against_actor;
    if (r.fatalities !== null && (row.fatalities === null || r.fatalities > row.fatalities))
      row.fatalities = r.fatalities;
    row.description ??= r.description;
    row.stale = 1;
    row.updated_at = now;
    s.facts = factsOf(row);
    this.file(s);
    this.dirty.add(s);
  }

  /** Re-key a fresh incident once the store has chosen its id. */
  rename(s: ClusterState, id: string): void {
    if (s.row.id === id) return;
    this.byId.delete(s.row.id);
    s.row.id = id;
    this.byId.set(id, s);
  }

  /** Incidents changed since the last call; they are no longer fresh afterwards. */
  takeDirty(): ClusterState[] {
    const out = [...this.dirty];
    this.dirty.clear();
    return out;
  }
}

/** Source id lists as JSON: feeds repeat a few lists, parsed once each (callers do not mutate them). */
const lists = new Map<string, string[]>();
function sourceList(json: string): string[] {
  let l = lists.get(json);
  if (!l) {
    l = JSON.parse(json) as string[];
    if (lists.size > 10_000) lists.clear();
    lists.set(json, l);
  }
  return l;
}

const KNOWN = new Set(['id', 'when', 'where', 'type', 'by', 'against', 'fatalities', 'sources', 'description']);
/** formats.md fields beyond the ones with columns (e.g. extraction's evidence), from JSONL reports. */
function extraOf(r: ReportRow): string {
  if (r.format !== 'jsonl' && r.format !== 'text' && r.format !== 'manual') return '{}';
  try {
    const p = JSON.parse(r.payload) as Record<string, unknown>;
    if (!p || typeof p !== 'object' || Array.isArray(p)) return '{}';
    const extra: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p)) if (!KNOWN.has(k)) extra[k] = v;
    return JSON.stringify(extra);
  } catch {
    return '{}';
  }
}
