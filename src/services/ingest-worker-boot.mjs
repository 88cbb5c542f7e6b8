// Loads the TypeScript worker entry through tsx when truce runs from its sources (tsx, vitest):
// worker threads of Node 20 do not inherit the parent's module hooks. The compiled build starts
// dist/services/ingest-worker.js directly and never uses this file.
import { workerData } from 'node:worker_threads';

const { tsImport } = await import('tsx/esm/api');
await tsImport(workerData.entry, import.meta.url);
