/**
 * Bulk ingestion of structured files (ACLED and UCDP CSV, incidents JSONL): the file is read into
 * columnar batches (src/services/ingest-batches.ts, a worker thread on large files) and each batch
 * is stored and clustered in one transaction (`Store.addReportBatch`). Same guarantees as the
 * per-report path: a bad row is reported with its line and skipped; ids are content hashes, so a
 * rerun (after a crash, or of the same file) stores nothing twice; with `strict`, a first pass
 * only validates, and a file with any bad row is rejected before anything of it is written.
 */
import type { IngestFormat } from '../pipeline/ingest/types.js';
import type { ActorRegistry } from '../pipeline/resolve/actor-registry.js';
import { BatchDecoder } from '../store/bulk-batch.js';
import type { Store } from '../store/store.js';
import { type BatchReadOptions, reportBatches } from './ingest-batches.js';

/** below this size a file is read in the calling thread (a worker's start-up costs ~0.1-0.5 s) */
export const WORKER_MIN_BYTES = 4 << 20;

export interface BulkIngestOptions {
  format: Exclude<IngestFormat, 'text'>;
  tz: string;
  registry?: ActorRegistry;
  strict?: boolean;
  batchSize: number;
  /** read in a worker thread: true/false, or by file size when absent */
  worker?: boolean;
  onBytes?: (bytes: number) => void;
}

export interface BulkIngestTotals {
  reports: number;
  inserted: number;
  duplicates: number;
  incidentsCreated: number;
  incidentsUpdated: number;
  rejected: boolean;
}

export async function ingestBulk(
  store: Store,
  path: string,
  size: number,
  opts: BulkIngestOptions,
  fail: (line: number, message: string) => void,
): Promise<BulkIngestTotals> {
  const totals: BulkIngestTotals = {
    reports: 0,
    inserted: 0,
    duplicates: 0,
    incidentsCreated: 0,
    incidentsUpdated: 0,
    rejected: false,
  };
  const worker = opts.worker ?? size >= WORKER_MIN_BYTES;
  const read: BatchReadOptions = {
    path,
    format: opts.format,
    file: path,
    tz: opts.tz,
    sources: await store.sourceSnapshot(),
    batchRows: opts.batchSize,
    copy: store.dialect === 'postgres',
    validateOnly: false,
  };
  if (opts.strict) {
    let errors = 0;
    let reports = 0;
    for await (const m of reportBatches({ ...read, validateOnly: true }, opts.registry, worker)) {
      if (m.kind !== 'batch') continue;
      reports += m.batch.reports;
      errors += m.batch.errors.length;
      for (const e of m.batch.errors) fail(e.line, e.message);
    }
    if (errors > 0) {
      totals.reports = reports;
      totals.rejected = true;
      return totals;
    }
  }
  const decoder = new BatchDecoder();
  for await (const m of reportBatches(read, opts.registry, worker)) {
    opts.onBytes?.(m.kind === 'fail' ? 0 : m.bytes);
    if (m.kind !== 'batch') continue;
    const b = m.batch;
    for (const e of b.errors) fail(e.line, e.message);
    totals.reports += b.reports;
    if (b.n === 0) {
      totals.duplicates += b.reports;
      continue;
    }
    const res = await store.addReportBatch(decoder.decode(b));
    totals.inserted += res.inserted;
    totals.duplicates += res.duplicates;
    totals.incidentsCreated += res.incidentsCreated;
    totals.incidentsUpdated += res.incidentsUpdated;
  }
  return totals;
}
