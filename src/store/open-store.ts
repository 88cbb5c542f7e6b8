/** `openStore`: picks the dialect from the URL. */
import { join } from 'node:path';
import type { Store } from './store.js';

export const DEFAULT_SQLITE_PATH = join('.truce', 'truce.sqlite');

export function isPostgresUrl(url: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(url);
}

/**
 * Open the store: `url` (postgres://... or a SQLite path), else `DATABASE_URL`, else
 * `<workspaceDir>/.truce/truce.sqlite`. Migrations run on open unless `migrate: false`.
 */
export async function openStore(opts: { url?: string; workspaceDir?: string; schema?: string; migrate?: boolean } = {}): Promise<Store> {
  const url = opts.url ?? process.env.DATABASE_URL ?? join(opts.workspaceDir ?? '.', DEFAULT_SQLITE_PATH);
  if (isPostgresUrl(url)) {
    const { openPostgresStore } = await import('./dialects/postgres/open.js');
    return openPostgresStore(url, { schema: opts.schema, migrate: opts.migrate });
  }
  const { openSqliteStore } = await import('./dialects/sqlite/open.js');
  return openSqliteStore(url.replace(/^sqlite:(\/\/)?/, ''), { migrate: opts.migrate });
}
