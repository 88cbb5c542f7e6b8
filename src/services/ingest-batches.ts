/**
 * The reading half of bulk ingestion: a structured file (ACLED or UCDP CSV, incidents JSONL) read,
 * mapped, validated and content-hashed into columnar batches (src/store/bulk-batch.ts). On a large
 * file this runs in a worker thread (node:worker_threads), so that the main thread only clusters
 * and writes while the worker parses the next batches: on two cores the two halves overlap. Small
 * files are read in the calling thread (starting a worker costs more than it saves there); the
 * batches are the same either way.
 *
 * Flow control: the worker may run at most CREDITS batches ahead of the writer (bounded memory
 * on a million-row file); the writer returns a credit for each batch it takes.
 */
import { Worker } from 'node:worker_threads';
import type { Actor } from '../domain/actor.js';
import { readReportChunks } from '../pipeline/ingest/index.js';
import type { IngestFormat } from '../pipeline/ingest/types.js';
import type { ActorRegistry } from '../pipeline/resolve/actor-registry.js';
import { type ReportBatch, ReportBatchBuilder } from '../store/bulk-batch.js';
import { SourceResolver, type SourceSnapshot } from '../store/report-rows.js';

/** batches the reader may be ahead of the writer */
const CREDITS = 4;
/** credits for batches larger than CHUNK_ROWS (PostgreSQL's whole transactions): memory stays bounded */
const CREDITS_LARGE = 1;
/**
 * rows per batch handed over: small enough that a batch under construction (and one being
 * written) stays in V8's young generation; large batches made each scavenge copy tens of MB
 * (measured: 100-200 ms per scavenge, more CPU than the parsing itself). Transactions are
 * larger: the writer takes several batches per transaction.
 */
export const CHUNK_ROWS = 2048;

/** What the reading thread needs (plain data: it crosses to the worker by structured clone). */
export interface BatchReadOptions {
  path: string;
  format: Exclude<IngestFormat, 'text'>;
  /** the file name recorded with each report */
  file: string;
  tz: string;
  sources: SourceSnapshot;
  /** rows per batch handed over (CHUNK_ROWS unless the writer needs whole transactions) */
  chunkRows?: number;
  /** build COPY text per row (PostgreSQL) */
  copy: boolean;
  /** strict mode's first pass: only count good rows and collect errors */
  validateOnly: boolean;
  /** the registry's actors (the worker builds its own registry from them) */
  actors?: readonly Actor[];
}

export type BatchMessage =
  | { kind: 'batch'; batch: ReportBatch; bytes: number }
  | { kind: 'end'; bytes: number }
  | { kind: 'fail'; message: string };

/** Read the file, yielding each full batch, then `end`. */
export async function* readBatches(
  opts: BatchReadOptions,
  registry: ActorRegistry | undefined,
): AsyncGenerator<BatchMessage> {
  const chunk = opts.chunkRows ?? CHUNK_ROWS;
  const builder = new ReportBatchBuilder(
    SourceResolver.fromSnapshot(opts.sources),
    opts.copy,
    opts.validateOnly,
    opts.format,
  );
  let bytes = 0;
  const ctx = {
    file: opts.file,
    tz: opts.tz,
    registry,
    onBytes: (b: number) => {
      bytes = b;
    },
  };
  for await (const items of readReportChunks(opts.path, opts.format, ctx)) {
    for (const item of items) {
      if (item.kind === 'error') builder.error(item.line, item.message);
      else if (item.kind === 'report') builder.add(item.report);
      if (builder.size >= chunk) yield { kind: 'batch', batch: builder.take(), bytes };
    }
  }
  if (builder.size) yield { kind: 'batch', batch: builder.take(), bytes };
  yield { kind: 'end', bytes };
}

/**
 * The batches of a file, read in a worker thread when `worker`, else in this thread. Stopping
 * the iteration early (an error while writing) stops the worker.
 */
export async function* reportBatches(
  opts: BatchReadOptions,
  registry: ActorRegistry | undefined,
  worker: boolean,
): AsyncGenerator<BatchMessage> {
  if (!worker) {
    yield* readBatches(opts, registry);
    return;
  }
  const w = spawnReader({ ...opts, actors: registry?.actors });
  const queue: BatchMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  w.on('message', (m: BatchMessage) => {
    queue.push(m);
    wake?.();
  });
  w.on('error', (err) => {
    failure = err;
    wake?.();
  });
  w.on('exit', (code) => {
    if (code !== 0) failure ??= new Error(`ingest reader thread exited with code ${code}`);
    wake?.();
  });
  try {
    for (;;) {
      const m = queue.shift();
      if (m) {
        if (m.kind === 'fail') throw new Error(m.message);
        if (m.kind === 'batch') w.postMessage('credit');
        yield m;
        if (m.kind === 'end') return;
        continue;
      }
      if (failure) throw failure;
      await new Promise<void>((r) => {
        wake = r;
      });
      wake = null;
    }
  } finally {
    await w.terminate();
  }
}

/**
 * The worker runs src/services/ingest-worker: compiled (dist/*.js), directly; from the TypeScript
 * sources (tsx, vitest), through a small bootstrap that loads it with tsx's loader, since worker
 * threads of Node 20 do not inherit the parent's module hooks.
 */
function spawnReader(opts: BatchReadOptions): Worker {
  const credits = (opts.chunkRows ?? CHUNK_ROWS) > CHUNK_ROWS ? CREDITS_LARGE : CREDITS;
  const compiled = import.meta.url.endsWith('.js');
  const entry = new URL(compiled ? './ingest-worker.js' : './ingest-worker.ts', import.meta.url);
  // a young generation of its own size: the reader's garbage is short-lived, and the writer's
  // --max-semi-space-size (the benchmark's 64 MB) would otherwise be reserved twice
  const resourceLimits = { maxYoungGenerationSizeMb: 48 };
  if (compiled) return new Worker(entry, { workerData: { opts, credits }, resourceLimits });
  return new Worker(new URL('./ingest-worker-boot.mjs', import.meta.url), {
    workerData: { opts, credits, entry: entry.href },
    resourceLimits,
  });
}
