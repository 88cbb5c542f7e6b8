/**
 * From a reader's ReportInput to a stored row: source names mapped to source ids, and the
 * content hash that makes ingestion idempotent (the same report from a second file, or the same
 * file twice, hashes the same because file name and line are left out of the hash).
 */
import { createHash } from 'node:crypto';
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

/** Maps outlet names (and aliases from sources.yaml) to source ids. */
export class SourceResolver {
  private readonly byName = new Map<string, string>();
  readonly weights = new Map<string, number>();
  add(id: string, names: string[], weight: number): void {
    this.weights.set(id, weight);
    for (const n of [id, ...names]) this.byName.set(normalizeName(n), id);
  }
  idOf(name: string): string {
    return this.byName.get(normalizeName(name)) ?? sourceSlug(name);
  }
  known(id: string): boolean {
    return this.weights.has(id);
  }
  weightOf = (id: string): number => this.weights.get(id) ?? UNRATED_WEIGHT;
}

function num(v: number | null | undefined): number | null {
  return v === undefined || v === null || !Number.isFinite(v) ? null : v;
}

export function reportRow(input: ReportInput, sources: SourceResolver, now: number): ReportRow {
  const source_ids = [...new Set((input.sources ?? []).map((s) => s.trim()).filter(Boolean).map((s) => sources.idOf(s)))];
  const unmatched = [...new Set(input.unmatched_actors ?? [])];
  const payload = JSON.stringify(input.payload ?? null);
  const core = {
    format: input.format,
    external_id: input.external_id ?? null,
    source_ids: JSON.stringify(source_ids),
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
    unmatched: JSON.stringify(unmatched),
    fatalities: num(input.fatalities),
    description: input.description ?? null,
  };
  const content_hash = createHash('sha256')
    .update(JSON.stringify(core))
    .update('\0')
    .update(payload)
    .digest('hex');
  return {
    id: `rp-${content_hash.slice(0, 24)}`,
    content_hash,
    ...core,
    file: input.file ?? null,
    line: input.line ?? null,
    status: 'queued',
    incident_id: null,
    ingested_at: now,
    processed_at: null,
    payload,
  };
}
