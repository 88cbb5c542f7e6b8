/**
 * SQLite: one better-sqlite3 connection in WAL mode (readers never block the writer), with
 * synchronous=NORMAL (durable across application crashes; the last commits may be lost only on
 * power loss, https://www.sqlite.org/wal.html#performance_considerations) and a busy timeout so a
 * second process waits for the write lock instead of failing.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteDialect } from 'kysely';
import { KyselyStore } from '../../kysely-store.js';
import { migrateToLatest } from '../../migrations.js';
import type { Database as Schema } from '../../schema.js';
import { sqliteBulk } from './bulk.js';
import { registerReader, sqliteReader } from './reader.js';

/**
 * SQLite runs DDL inside transactions (https://www.sqlite.org/lang_transaction.html), but Kysely's
 * adapter says it does not, so its Migrator would run a migration statement by statement: a process
 * killed during its first start (the crash test does exactly that) left half a schema behind and
 * every later start failed with "table already exists". Saying so makes each migration atomic.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
class TransactionalDdlSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

export async function openSqliteStore(path: string, opts: { migrate?: boolean } = {}): Promise<KyselyStore> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new Database(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('busy_timeout = 10000');
  raw.pragma('foreign_keys = ON');
  raw.pragma('cache_size = -65536'); // 64 MiB page cache
  const db = new Kysely<Schema>({ dialect: new TransactionalDdlSqliteDialect({ database: raw }) });
  if (opts.migrate !== false) await migrateToLatest(db, 'sqlite');
  // the API's hot reads go through a read-only connection of their own (reader.ts)
  const shared = path === ':memory:';
  const reader = sqliteReader(shared ? raw : readConnection(path), !shared);
  registerReader(db, reader);
  return new KyselyStore('sqlite', db, sqliteBulk(raw, db), async () => {
    reader.close();
    await db.destroy();
  });
}

function readConnection(path: string): Database.Database {
  const conn = new Database(path, { readonly: true });
  conn.pragma('busy_timeout = 10000');
  conn.pragma('cache_size = -65536');
  return conn;
}
