/**
 * From a reader's ReportInput to a stored row: source names mapped to source ids, and the
 * content hash that makes ingestion idempotent (the same report from a second file, or the same
 * file twice, hashes the same because file name and line are left out of the hash).
 */
import { createHash, hash } from 'node:crypto';
import { normalizeName } from '../pipeline/resolve/normalize-name.js';
import type { ReportRow } from './schema.js';
import type { ReportInput } from './store.js';

/** Admiralty (NATO AJP-2.1) source reliability grades as weights for noisy-OR confidence. */
export const RELIABILITY_WEIGHT: Record<string, number> = { A: 0.9, B: 0.75, C: 0.5, D: 0.25, E: 0.1, F: 0.3 };
/** a source nobody has rated counts as "F: reliability cannot be judged" */
export const UNRATED_WEIGHT = RELIABILITY_WEIGHT.F;

export function weightOfReliability(grade: string | null | undefined): number {
  if (!grade) return UNRATED_WEIGHT;
  return RELIABILITY_WEIGHT[grade.trim().charAt(0).toUpperCase()] ?? UNRATED_WEIGHT;
}

export function sourceSlug(name: string): string {
  const n = normalizeName(name).replace(/\s+/g, '-');
  return n || createHash('sha256').update(name).digest('hex').slice(0, 12);
}

export interface SourceSnapshot {
  /** normalised name -> source id */
  names: [string, string][];
  weights: [string, number][];
}

/** Maps outlet names (and aliases from sources.yaml) to source ids. */
export class SourceResolver {
  private readonly byName = new Map<string, string>();
  /** raw name -> id; feeds repeat a handful of outlet names millions of times */
  private readonly memo = new Map<string, string>();
  readonly weights = new Map<string, number>();
  add(id: string, names: string[], weight: number): void {
    this.weights.set(id, weight);
    for (const n of [id, ...names]) this.byName.set(normalizeName(n), id);
    this.memo.clear();
  }
  idOf(name: string): string {
    let id = this.memo.get(name);
    if (id === undefined) {
      id = this.byName.get(normalizeName(name)) ?? sourceSlug(name);
      if (this.memo.size > 100_000) this.memo.clear();
      this.memo.set(name, id);
    }
    return id;
  }
  known(id: string): boolean {
    return this.weights.has(id);
  }
  /** A source met for the first time: unrated until sources.yaml rates it. */
  register(id: string, name: string): void {
    this.add(id, [name], UNRATED_WEIGHT);
  }
  /** Plain data to rebuild an equal resolver in another thread. */
  snapshot(): SourceSnapshot {
    return { names: [...this.byName], weights: [...this.weights] };
  }
  static fromSnapshot(s: SourceSnapshot): SourceResolver {
    const r = new SourceResolver();
    for (const [name, id] of s.names) r.byName.set(name, id);
    for (const [id, w] of s.weights) r.weights.set(id, w);
    return r;
  }
  weightOf = (id: string): number => this.weights.get(id) ?? UNRATED_WEIGHT;
}

function num(v: number | null | undefined): number | null {
  return v === undefined || v === null || !Number.isFinite(v) ? null : v;
}

const SEP = '\u001f';

export function reportRow(input: ReportInput, sources: SourceResolver, now: number): ReportRow {
  const names = input.sources ?? [];
  const source_ids: string[] = [];
  for (const s of names) {
    const t = s.trim();
    if (!t) continue;
    const id = sources.idOf(t);
    if (!source_ids.includes(id)) source_ids.push(id);
  }
  const unmatched = input.unmatched_actors?.length ? JSON.stringify([...new Set(input.unmatched_actors)]) : '[]';
  const payload = input.payload_json ?? JSON.stringify(input.payload ?? null);
  const row: ReportRow = {
    id: '',
    content_hash: '',
    format: input.format,
    external_id: input.external_id ?? null,
    file: input.file ?? null,
    line: input.line ?? null,
    source_ids: source_ids.length ? JSON.stringify(source_ids) : '[]',
    url: input.url ?? null,
    at_text: input.when ?? null,
    t_start: num(input.t_start),
    t_end: num(input.t_end ?? input.t_start),
    lat: num(input.lat),
    lon: num(input.lon),
    precision_km: num(input.precision_km),
    place: input.place ?? null,
    admin1: input.admin1 ?? null,
    admin2: input.admin2 ?? null,
    type: input.type ?? null,
    by_actor: input.by ?? null,
    against_actor: input.against ?? null,
    unmatched,
    fatalities: num(input.fatalities),
    description: input.description ?? null,
    status: 'queued',
    incident_id: null,
    ingested_at: now,
    processed_at: null,
    payload,
  };
  // the content: every normalised field but file, line and times of storage, then the payload
  // (values joined with a unit separator, which no field contains)
  const content =
    row.format +
    SEP +
    row.external_id +
    SEP +
    row.source_ids +
    SEP +
    row.url +
    SEP +
    row.at_text +
    SEP +
    row.t_start +
    SEP +
    row.t_end +
    SEP +
    row.lat +
    SEP +
    row.lon +
    SEP +
    row.precision_km +
    SEP +
    row.place +
    SEP +
    row.admin1 +
    SEP +
    row.admin2 +
    SEP +
    row.type +
    SEP +
    row.by_actor +
    SEP +
    row.against_actor +
    SEP +
    row.unmatched +
    SEP +
    row.fatalities +
    SEP +
    row.description +
    SEP +
    payload;
  // crypto.hash: one-shot, without a Hash object per row (Node >= 20.12)
  row.content_hash = hash('sha256', content, 'hex');
  row.id = `rp-${row.content_hash.slice(0, 24)}`;
  return row;
}
