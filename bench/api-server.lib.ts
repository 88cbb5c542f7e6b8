/**
 * The server half of `npm run bench -- api`, in its own process so that the load generator
 * (autocannon, in the parent) does not share its event loop: the built-in Syria workspace, a
 * store (SQLite path or postgres:// URL + schema), the API with public reading, no request logs;
 * a third argument sets the list and compliance cache TTLs in ms (0: no cache).
 * Prints `listening <port>` on stdout when ready; exits on SIGTERM.
 */
import { serve } from '@hono/node-server';
import { createApp } from '../src/api/app.js';
import { storeBackend } from '../src/api/store-backend.js';
import { openStore } from '../src/store/store.js';
import { builtinWorkspaceDir } from '../src/workspace/builtin.js';
import { loadWorkspaceOrThrow } from '../src/workspace/index.js';

const [url, schema, cacheMs] = process.argv.slice(2);
const store = await openStore({ url, schema: schema || undefined, migrate: false });
const workspace = await loadWorkspaceOrThrow(builtinWorkspaceDir());
const ttl = cacheMs ? Number(cacheMs) : undefined;
const backend = storeBackend(store, workspace, {}, { complianceTtlMs: ttl, listTtlMs: ttl });
const app = createApp({ backend, config: { publicRead: true, webDist: null } });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
  process.stdout.write(`listening ${info.port}\n`),
);
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
