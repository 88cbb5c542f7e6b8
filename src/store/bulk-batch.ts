/**
 * Columnar report batches: what the bulk ingestion path hands from the thread that parses, maps
 * and hashes (a worker, see src/services/ingest-batches.ts) to the thread that clusters and
 * writes. One array per column instead of one object per row: an array of strings crosses
 * `postMessage` as one structured-clone record, and the writing thread keeps no per-row objects
 * alive between batches (the old path's garbage collection was 17-31 % of its CPU).
 *
 * Rows are built by `reportRow`, so ids and content hashes are exactly those of the per-report
 * path (`Store.addReports`): a file ingested either way, or partly each way after a crash, is
 * the same set of reports.
 */
import type { ReportInput } from '../domain/report-input.js';
import { reportRow, type SourceResolver } from './report-rows.js';
import type { ReportRow } from './schema.js';

/** The columns a reader determines; status, incident_id, ingested_at and processed_at are the writer's. */
export const BATCH_COLUMNS = [
  'id',
  'content_hash',
  'format',
  'external_id',
  'file',
  'line',
  'source_ids',
  'url',
  'at_text',
  't_start',
  't_end',
  'lat',
  'lon',
  'precision_km',
  'place',
  'admin1',
  'admin2',
  'type',
  'by_actor',
  'against_actor',
  'unmatched',
  'fatalities',
  'description',
  'payload',
] as const satisfies readonly (keyof ReportRow)[];
export type BatchColumn = (typeof BATCH_COLUMNS)[number];

/**
 * Columns with few distinct values (dates, places, types, actors, source lists): sent as codes
 * into a dictionary that grows over the file, so each distinct string crosses between threads
 * once instead of once per row (structured clone costs ~0.3 us per string, and does not share
 * repeated strings), and the writer's incidents share one string per value.
 */
export const DICT_COLUMNS = new Set<BatchColumn>([
  'format',
  'file',
  'source_ids',
  'url',
  'at_text',
  'place',
  'admin1',
  'admin2',
  'type',
  'by_actor',
  'against_actor',
  'unmatched',
]);
/** PostgreSQL: the writer gets the stored row as COPY text, and needs only what clustering reads */
const NOT_FOR_CLUSTERING = new Set<BatchColumn>(['content_hash', 'line', 'unmatched', 'url', 'payload']);

export interface ReportBatch {
  /** rows in the batch (distinct ids) */
  n: number;
  /** good rows read, duplicates within the batch included */
  reports: number;
  /** the other columns, `n` values each (PostgreSQL: only those clustering reads) */
  cols: Partial<Record<BatchColumn, (string | number | null)[]>>;
  /** DICT_COLUMNS: `n` codes each into the file's dictionary, -1 for null */
  codes: Partial<Record<BatchColumn, Int32Array>>;
  /** dictionary entries new in this batch (their codes follow the previous batches') */
  dict: string[];
  /**
   * PostgreSQL only: each row's BATCH_COLUMNS in COPY text format, tab-separated, without the
   * line end (built by the parsing thread so the writer only appends its own columns).
   */
  copy?: string[];
  /** source ids first met in this batch (not in the resolver the reader started with), with their names */
  newSources: [string, string][];
  errors: { line: number; message: string }[];
}

/** COPY text format: backslash escapes, \N for NULL (https://www.postgresql.org/docs/15/sql-copy.html) */
export function copyField(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '\\N';
  const s = String(v);
  return /[\\\n\r\t]/.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')
    : s;
}

export class ReportBatchBuilder {
  private batch: ReportBatch;
  private seen = new Set<string>();
  private readonly dictionary = new Map<string, number>();
  private codes: Partial<Record<BatchColumn, number[]>> = {};
  constructor(
    private readonly sources: SourceResolver,
    private readonly withCopy: boolean,
    /** only count good rows and keep errors (strict mode's first pass) */
    private readonly countOnly = false,
    private readonly format?: string,
  ) {
    this.batch = this.empty();
  }

  private empty(): ReportBatch {
    const cols: ReportBatch['cols'] = {};
    this.codes = {};
    for (const c of BATCH_COLUMNS) {
      if (DICT_COLUMNS.has(c)) this.codes[c] = [];
      // JSONL incidents carry extra formats.md fields in the payload, which clustering reads
      else if (!this.withCopy || !NOT_FOR_CLUSTERING.has(c) || (c === 'payload' && this.format === 'jsonl'))
        cols[c] = [];
    }
    return {
      n: 0,
      reports: 0,
      cols,
      codes: {},
      dict: [],
      ...(this.withCopy ? { copy: [] } : {}),
      newSources: [],
      errors: [],
    };
  }

  get size(): number {
    return this.batch.reports + this.batch.errors.length;
  }

  error(line: number, message: string): void {
    this.batch.errors.push({ line, message });
  }

  private code(v: string | null): number {
    if (v === null) return -1;
    let k = this.dictionary.get(v);
    if (k === undefined) {
      k = this.dictionary.size;
      this.dictionary.set(v, k);
      this.batch.dict.push(v);
    }
    return k;
  }

  add(input: ReportInput): void {
    const b = this.batch;
    b.reports++;
    if (this.countOnly) return;
    const row = reportRow(input, this.sources, 0);
    if (this.seen.has(row.id)) return;
    this.seen.add(row.id);
    for (const name of input.sources ?? []) {
      const t = name.trim();
      if (!t) continue;
      const id = this.sources.idOf(t);
      // registered here as unrated, like the store does; the writer inserts it before the reports
      if (!this.sources.known(id)) {
        this.sources.register(id, t);
        b.newSources.push([id, t]);
      }
    }
    const cols = b.cols;
    const codes = this.codes;
    let line = '';
    for (let i = 0; i < BATCH_COLUMNS.length; i++) {
      const c = BATCH_COLUMNS[i];
      const v = row[c];
      const dict = codes[c];
      if (dict) dict.push(this.code(v as string | null));
      else cols[c]?.push(v);
      if (this.withCopy) line += (i ? '\t' : '') + copyField(v);
    }
    if (this.withCopy) b.copy!.push(line);
    b.n++;
  }

  /** The batch so far; the builder starts a new one (ids are deduplicated within a batch only). */
  take(): ReportBatch {
    const out = this.batch;
    for (const [c, list] of Object.entries(this.codes)) out.codes[c as BatchColumn] = Int32Array.from(list);
    this.batch = this.empty();
    this.seen = new Set();
    return out;
  }
}

/** The writer's side of the dictionary: codes back to the (shared) strings. */
export class BatchDecoder {
  private readonly dictionary: string[] = [];
  /**
   * Turns the coded columns of `b` into value arrays in `b.cols`, in place; batches of one file
   * must be decoded once each, in order (the dictionary grows with each).
   */
  decode(b: ReportBatch): ReportBatch {
    for (const v of b.dict) this.dictionary.push(v);
    b.dict = [];
    const d = this.dictionary;
    for (const [c, codes] of Object.entries(b.codes)) {
      const values = new Array<string | null>(codes.length);
      for (let i = 0; i < codes.length; i++) values[i] = codes[i] < 0 ? null : d[codes[i]];
      b.cols[c as BatchColumn] = values;
    }
    b.codes = {};
    return b;
  }
}

/** Row `i` of a decoded batch as a stored row (status queued, no incident yet). */
export function batchRow(b: ReportBatch, i: number, now: number): ReportRow {
  const c = b.cols;
  return {
    id: c.id![i] as string,
    content_hash: (c.content_hash?.[i] ?? '') as string,
    format: c.format![i] as string,
    external_id: c.external_id![i] as string | null,
    file: c.file![i] as string | null,
    line: (c.line?.[i] ?? null) as number | null,
    source_ids: c.source_ids![i] as string,
    url: (c.url?.[i] ?? null) as string | null,
    at_text: c.at_text![i] as string | null,
    t_start: c.t_start![i] as number | null,
    t_end: c.t_end![i] as number | null,
    lat: c.lat![i] as number | null,
    lon: c.lon![i] as number | null,
    precision_km: c.precision_km![i] as number | null,
    place: c.place![i] as string | null,
    admin1: c.admin1![i] as string | null,
    admin2: c.admin2![i] as string | null,
    type: c.type![i] as string | null,
    by_actor: c.by_actor![i] as string | null,
    against_actor: c.against_actor![i] as string | null,
    unmatched: (c.unmatched?.[i] ?? '[]') as string,
    fatalities: c.fatalities![i] as number | null,
    description: c.description![i] as string | null,
    status: 'queued',
    incident_id: null,
    ingested_at: now,
    processed_at: null,
    payload: (c.payload?.[i] ?? '') as string,
  };
}
