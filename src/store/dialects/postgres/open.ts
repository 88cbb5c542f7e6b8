/**
 * PostgreSQL through postgres.js (porsager) and kysely-postgres-js: the fastest client measured
 * here, with COPY support (docs: research/ecosystem.md §6). int8 is parsed to a JS number: every
 * bigint we store (epoch ms, counts) is far below 2^53.
 */
import { Kysely } from 'kysely';
import { PostgresJSDialect } from 'kysely-postgres-js';
import postgres from 'postgres';
import { KyselyStore } from '../../kysely-store.js';
import { migrateToLatest } from '../../migrations.js';
import type { Database as Schema } from '../../schema.js';
import { postgresBulk } from './bulk.js';

const SCHEMA_RE = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPostgresStore(
  url: string,
  opts: { schema?: string; migrate?: boolean; max?: number } = {},
): Promise<KyselyStore> {
  const schema = opts.schema ?? new URL(url).searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !SCHEMA_RE.test(schema)) throw new Error(`invalid PostgreSQL schema name "${schema}"`);
  const clean = new URL(url);
  clean.searchParams.delete('schema');
  const sql = postgres(clean.toString(), {
    max: opts.max ?? 10,
    onnotice: () => {},
    types: { bigint: { to: 20, from: [20], serialize: (x: number) => String(x), parse: (x: string) => Number(x) } },
    // no parallel workers: the API's queries are LIMITed index scans, for which the planner still
    // chose a parallel plan and launching the workers took 12 of 18 ms (EXPLAIN ANALYZE, 1M
    // incidents; 0.6 ms serial). A startup parameter, so it holds for every query of the connection.
    connection: { ...(schema ? { search_path: schema } : {}), max_parallel_workers_per_gather: '0' },
  });
  if (schema) await sql.unsafe(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const db = new Kysely<Schema>({ dialect: new PostgresJSDialect({ postgres: sql }) });
  if (opts.migrate !== false) {
    // one migrator at a time when several workers start together
    await migrateWithLock(sql, db, schema);
  }
  return new KyselyStore('postgres', db, postgresBulk(sql), async () => {
    await db.destroy();
  });
}

async function migrateWithLock(sql: postgres.Sql, db: Kysely<Schema>, schema: string | undefined): Promise<void> {
  const reserved = await sql.reserve();
  try {
    await reserved`SELECT pg_advisory_lock(${0x7472_7563}::int, -1)`;
    await migrateToLatest(db, 'postgres', schema);
  } finally {
    await reserved`SELECT pg_advisory_unlock(${0x7472_7563}::int, -1)`;
    reserved.release();
  }
}
