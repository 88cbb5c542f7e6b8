/**
 * The dialects every storage test runs on: SQLite always; PostgreSQL when TRUCE_TEST_PG is set
 * (each store in its own random schema, dropped on close, so parallel runs never collide).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openStore, type Store } from '../../src/store/store.js';

export const PG_URL = process.env.TRUCE_TEST_PG;
if (!PG_URL) process.stderr.write('PostgreSQL suite skipped: set TRUCE_TEST_PG=postgres://postgres@127.0.0.1:5432/test\n');

export interface TestDialect {
  name: 'sqlite' | 'postgres';
  /** a fresh, empty store and the URL (plus schema) other processes can open it with */
  open(): Promise<{ store: Store; url: string; schema?: string; cleanup(): Promise<void> }>;
}

export const sqliteDialect: TestDialect = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'truce-store-'));
    const url = join(dir, 'truce.sqlite');
    const store = await openStore({ url });
    return {
      store,
      url,
      async cleanup() {
        await store.close().catch(() => {});
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

export const postgresDialect: TestDialect = {
  name: 'postgres',
  async open() {
    const schema = `truce_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const store = await openStore({ url: PG_URL!, schema });
    return {
      store,
      url: PG_URL!,
      schema,
      async cleanup() {
        await store.close().catch(() => {});
        const sql = postgres(PG_URL!, { onnotice: () => {}, max: 1 });
        await sql.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await sql.end();
      },
    };
  },
};

export const DIALECTS: TestDialect[] = PG_URL ? [sqliteDialect, postgresDialect] : [sqliteDialect];
