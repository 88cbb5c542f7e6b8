/**
 * A second, read-only better-sqlite3 connection per SQLite store, for the hot read paths of the API
 * (the incident list): prepared statements cached by their text and stepped in raw (array) mode.
 * Through Kysely every list request re-prepared its statement and better-sqlite3 built a 21-key
 * object per row; both showed in the profile (BENCHMARKS.md "## api").
 *
 * Its own connection, not the writer's: in WAL mode a reader sees the last committed state and
 * never what a transaction open on the writer connection has written so far
 * (https://www.sqlite.org/wal.html#concurrency). An in-memory database cannot be shared between
 * connections, so there the writer's connection serves the reads.
 */
import type BetterSqlite3 from 'better-sqlite3';

export interface SqliteReader {
  /** all rows of a cached statement, as arrays in column order */
  rows(text: string, params: unknown[]): unknown[][];
  close(): void;
}

const readers = new WeakMap<object, SqliteReader>();

/** at most this many distinct statements are kept prepared (filters combine into few shapes) */
const MAX_STATEMENTS = 500;

export function sqliteReader(conn: BetterSqlite3.Database, own: boolean): SqliteReader {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    rows(text, params) {
      let st = statements.get(text);
      if (!st) {
        if (statements.size >= MAX_STATEMENTS) statements.clear();
        st = conn.prepare(text).raw(true);
        statements.set(text, st);
      }
      return st.all(...params) as unknown[][];
    },
    close() {
      statements.clear();
      if (own && conn.open) conn.close();
    },
  };
}

/** Registers the reader of a store, keyed by its Kysely instance (see open.ts). */
export function registerReader(db: object, reader: SqliteReader): void {
  readers.set(db, reader);
}

/** The reader of a SQLite store's Kysely instance; undefined for other dialects. */
export function readerOf(db: object): SqliteReader | undefined {
  return readers.get(db);
}
