/**
 * Worker thread of bulk ingestion (started by src/services/ingest-batches.ts): reads one file into
 * columnar batches and posts them to the writer, never more than its credits ahead.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createActorRegistry } from '../pipeline/resolve/actor-registry.js';
import { type BatchMessage, type BatchReadOptions, readBatches } from './ingest-batches.js';

const { opts, credits: initial } = workerData as { opts: BatchReadOptions; credits: number };
const port = parentPort!;
let credits = initial;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
});

async function main(): Promise<void> {
  const registry = opts.actors ? createActorRegistry(opts.actors) : undefined;
  for await (const m of readBatches(opts, registry)) {
    while (m.kind === 'batch' && credits === 0) {
      await new Promise<void>((r) => {
        wake = r;
      });
      wake = null;
    }
    if (m.kind === 'batch') credits--;
    port.postMessage(m);
  }
  port.close();
}

main().catch((err: unknown) => {
  port.postMessage({ kind: 'fail', message: err instanceof Error ? err.message : String(err) } satisfies BatchMessage);
  port.close();
});
