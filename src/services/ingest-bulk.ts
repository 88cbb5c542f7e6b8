/**
 * Bulk ingestion of structured files (ACLED and UCDP CSV, incidents JSONL): the file is read into
 * columnar batches (src/services/ingest-batches.ts, a worker thread on large files) and each batch
 * is stored and clustered (`Store.addReportBatches`, one transaction per `batchSize` rows). Same guarantees as the
 * per-report path: a bad row is reported with its line and skipped; ids are content hashes, so a
 * rerun (after a crash, or of the same file) stores nothing twice; with `strict`, a first pass
 * only validates, and a file with any bad row is rejected before anything of it is written.
 */
import type { IngestFormat } from '../pipeline/ingest/types.js';
import type { ActorRegistry } from '../pipeline/resolve/actor-registry.js';
import { BatchDecoder, type ReportBatch } from '../store/bulk-batch.js';
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
    copy: store.dialect === 'postgres',
    // PostgreSQL: one batch per transaction, so that the advisory locks on its days are taken in
    // ascending order at once (several batches per transaction could lock a lower day after a
    // higher one and deadlock with a concurrent `truce worker`)
    chunkRows: store.dialect === 'postgres' ? opts.batchSize : undefined,
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
  const it = reportBatches(read, opts.registry, worker)[Symbol.asyncIterator]();
  let done = false;
  // the reader's batches, as they come, until `limit` rows: one transaction's worth
  const upTo = async function* (limit: number): AsyncGenerator<ReportBatch> {
    let rows = 0;
    while (rows < limit) {
      const next = await it.next();
      if (next.done) {
        done = true;
        return;
      }
      const m = next.value;
      if (m.kind === 'fail') continue; // reportBatches throws instead
      opts.onBytes?.(m.bytes);
      if (m.kind === 'end') continue;
      for (const e of m.batch.errors) fail(e.line, e.message);
      rows += m.batch.reports;
      totals.reports += m.batch.reports;
      yield decoder.decode(m.batch);
    }
  };
  try {
    while (!done) {
      const res = await store.addReportBatches(upTo(opts.batchSize));
      totals.inserted += res.inserted;
      totals.duplicates += res.duplicates;
      totals.incidentsCreated += res.incidentsCreated;
      totals.incidentsUpdated += res.incidentsUpdated;
    }
  } finally {
    await it.return?.(undefined); // stops the reader thread if writing failed
  }
  return totals;
}
