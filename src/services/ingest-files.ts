/**
 * `truce ingest` as a use case: read each file with its reader, store the reports in batches
 * (one transaction per batch: a crash loses at most the batch in flight, and the rerun skips what
 * was stored because report ids are content hashes), attach text claims to agreements, and say
 * what happened per file. With `strict`, a file with any bad row is rejected whole and nothing of
 * it is written (it is stored in one transaction only once every row has been read and checked).
 * Structured files (ACLED, UCDP, JSONL) take the bulk path (./ingest-bulk.ts: read in a worker
 * thread into columnar batches, same guarantees); report text and `queue` go report by report.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Agreement } from '../domain/agreement.js';
import {
  detectFormat,
  type IngestFormat,
  type ReadClaim,
  type ReadReport,
  readReports,
} from '../pipeline/ingest/index.js';
import type { ActorRegistry } from '../pipeline/resolve/actor-registry.js';
import type { Store } from '../store/store.js';
import { ingestBulk } from './ingest-bulk.js';
import { agreementFor, claimInput } from './text-claims.js';

export interface IngestOptions {
  format?: IngestFormat | 'auto';
  strict?: boolean;
  tz?: string;
  registry?: ActorRegistry;
  agreements?: readonly Agreement[];
  /** text reports: publication date and outlet */
  published?: string;
  source?: string;
  /** only enqueue; `truce worker` clusters later */
  queue?: boolean;
  batchSize?: number;
  /** structured files: read in a worker thread (default: when the file is 4 MiB or more) */
  worker?: boolean;
  /** who is ingesting (recorded on claims) */
  actor?: string;
  onProgress?: (file: string, bytes: number, total: number) => void;
}

export interface RowError {
  line: number;
  message: string;
}

export interface FileSummary {
  file: string;
  format: IngestFormat | null;
  /** reports read (good rows) */
  reports: number;
  inserted: number;
  duplicates: number;
  incidentsCreated: number;
  incidentsUpdated: number;
  claims: number;
  errorCount: number;
  /** the first errors (at most 100), each with its line */
  errors: RowError[];
  /** strict mode: the file was rejected and nothing of it stored */
  rejected: boolean;
}

const MAX_ERRORS_KEPT = 100;

export async function ingestFile(store: Store, path: string, opts: IngestOptions = {}): Promise<FileSummary> {
  const summary: FileSummary = {
    file: path,
    format: null,
    reports: 0,
    inserted: 0,
    duplicates: 0,
    incidentsCreated: 0,
    incidentsUpdated: 0,
    claims: 0,
    errorCount: 0,
    errors: [],
    rejected: false,
  };
  const fail = (line: number, message: string) => {
    summary.errorCount++;
    if (summary.errors.length < MAX_ERRORS_KEPT) summary.errors.push({ line, message });
  };
  let total = 0;
  try {
    total = (await stat(path)).size;
    summary.format = !opts.format || opts.format === 'auto' ? await detectFormat(path) : opts.format;
  } catch (err) {
    fail(0, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message);
    summary.rejected = true;
    return summary;
  }
  const batchSize = opts.batchSize ?? 5000;
  if (summary.format !== 'text' && !opts.queue) {
    // structured files: the bulk path (columnar batches read in a worker thread on large files)
    const t = await ingestBulk(
      store,
      path,
      total,
      {
        format: summary.format,
        tz: opts.tz ?? 'Asia/Damascus',
        registry: opts.registry,
        strict: opts.strict,
        batchSize,
        worker: opts.worker,
        onBytes: opts.onProgress ? (b) => opts.onProgress!(path, b, total) : undefined,
      },
      fail,
    );
    Object.assign(summary, t);
    return summary;
  }
  let batch: ReadReport[] = [];
  const claims: { claim: ReadClaim; line: number }[] = [];
  // One batch is written while the next is read: the database (PostgreSQL: another process)
  // works while this one parses. Batches still commit one at a time and in order, so a crash
  // loses at most the batch in flight, as before; the next write waits for the previous one.
  let inFlight: Promise<void> | null = null;
  const write = async (rows: ReadReport[]) => {
    const res = await store.addReports(rows, { queue: opts.queue, actor: opts.actor });
    summary.inserted += res.inserted;
    summary.duplicates += res.duplicates;
    summary.incidentsCreated += res.incidentsCreated;
    summary.incidentsUpdated += res.incidentsUpdated;
  };
  const settle = async () => {
    const p = inFlight;
    inFlight = null;
    if (p) await p;
  };
  const flush = async () => {
    await settle();
    if (!batch.length) return;
    const rows = batch;
    batch = [];
    const p = write(rows);
    p.catch(() => {}); // awaited by the next settle(); this only keeps it from counting as unhandled meanwhile
    inFlight = p;
  };
  const ctx = {
    file: path,
    tz: opts.tz ?? 'Asia/Damascus',
    registry: opts.registry,
    published: opts.published,
    source: opts.source,
    onBytes: opts.onProgress ? (b: number) => opts.onProgress!(path, b, total) : undefined,
  };
  const reportsOfFile: ReadReport[] = [];
  try {
    for await (const item of readReports(path, summary.format, ctx)) {
      if (item.kind === 'error') fail(item.line, item.message);
      else if (item.kind === 'claim') claims.push({ claim: item.claim, line: item.line });
      else {
        summary.reports++;
        if (summary.format === 'text') reportsOfFile.push(item.report);
        if (opts.strict) batch.push(item.report);
        else {
          batch.push(item.report);
          if (batch.length >= batchSize) await flush();
        }
      }
    }
  } finally {
    await settle(); // a reading error must not leave a write running unobserved
  }
  if (opts.strict && summary.errorCount > 0) {
    summary.rejected = true;
    return summary;
  }
  await flush();
  await settle();
  if (claims.length && opts.agreements?.length)
    summary.claims = await storeClaims(store, path, claims, reportsOfFile, opts);
  return summary;
}

async function storeClaims(
  store: Store,
  path: string,
  claims: { claim: ReadClaim }[],
  reports: ReadReport[],
  opts: IngestOptions,
): Promise<number> {
  const key = createHash('sha256')
    .update(path)
    .update(JSON.stringify(reports.map((r) => r.payload)))
    .digest('hex');
  let n = 0;
  for (const { claim } of claims) {
    const agreement = agreementFor(claim, opts.agreements!);
    if (!agreement) continue;
    // the incident the claim speaks of: the one its extracted report was clustered into
    let incidentId: string | null = null;
    if (claim.incident_external_id) {
      const page = await store.listReports({ file: path, format: 'text' }, { limit: 1000 });
      incidentId = page.items.find((r) => r.external_id === claim.incident_external_id)?.incident_id ?? null;
    }
    await store.addClaim(
      claimInput(claim, agreement, { reportKey: key, incidentId, source: opts.source }),
      opts.actor ?? 'ingest',
    );
    n++;
  }
  return n;
}
