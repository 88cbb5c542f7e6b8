/**
 * The server half of `npm run bench -- api`, in its own process so that the load generator
 * (autocannon, in the parent) does not share its event loop: the built-in Syria workspace, a
 * store (SQLite path or postgres:// URL + schema), the API with public reading, no request logs;
 * a third argument sets the list and compliance cache TTLs in ms (0: no cache), a fourth the
 * number of server processes on the one port (node:cluster, as `truce serve --workers N` does).
 * Prints `listening <port>` on stdout when every worker listens; exits on SIGTERM.
 */
import cluster from 'node:cluster';
import { serve } from '@hono/node-server';
import { createApp } from '../src/api/app.js';
import { storeBackend } from '../src/api/store-backend.js';
import { openStore } from '../src/store/store.js';
import { builtinWorkspaceDir } from '../src/workspace/builtin.js';
import { loadWorkspaceOrThrow } from '../src/workspace/index.js';

const [url, schema, cacheMs, workersArg] = process.argv.slice(2);
const workers = Number(workersArg || '1');

if (cluster.isPrimary && workers > 1) {
  let ready = 0;
  for (let i = 0; i < workers; i++) {
    cluster.fork().on('message', (m: { port?: number }) => {
      if (m.port !== undefined && ++ready === workers) process.stdout.write(`listening ${m.port}\n`);
    });
  }
  process.once('SIGTERM', () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 3000).unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  });
} else {
  const store = await openStore({ url, schema: schema || undefined, migrate: false });
  const workspace = await loadWorkspaceOrThrow(builtinWorkspaceDir());
  const ttl = cacheMs ? Number(cacheMs) : undefined;
  const backend = storeBackend(store, workspace, {}, { complianceTtlMs: ttl, listTtlMs: ttl });
  const app = createApp({ backend, config: { publicRead: true, webDist: null } });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    if (cluster.isWorker) process.send?.({ port: info.port });
    else process.stdout.write(`listening ${info.port}\n`);
  });
  // autocannon leaves keep-alive sockets open: drop them, give the store 2 s to close, then leave
  process.once('SIGTERM', () => {
    server.close();
    (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    setTimeout(() => process.exit(0), 2000).unref();
    store.close().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  });
}
