/**
 * The backend a bulletin reads from: the workspace (built-in Syria when none is given), its store
 * (found by the same rule as `truce serve`, `ingest` and `export`: services/workspace-store.ts),
 * and the API's store backend over them, so the bulletin shows what the API shows.
 */
import type { ApiBackend } from '../api/backend.js';
import { storeBackend } from '../api/store-backend.js';
import { storeUrl } from '../services/workspace-store.js';
import { openStore } from '../store/store.js';
import { builtinWorkspaceDir } from '../workspace/builtin.js';
import { loadWorkspaceOrThrow } from '../workspace/index.js';

export async function openBulletinBackend(dir: string | undefined, database: string | undefined): Promise<{ backend: ApiBackend; close: () => Promise<void> }> {
  const workspace = await loadWorkspaceOrThrow(dir ?? builtinWorkspaceDir());
  const store = await openStore({ url: storeUrl({ database, dir }) });
  return { backend: storeBackend(store, workspace), close: () => store.close() };
}
