/** Keyset pagination helpers (no OFFSET: pages stay fast deep into a large archive). */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { pageSchema, type PageInput } from '../incident-filter.js';
import { decodeCursor, encodeCursor } from './mappers.js';

export function pageOf(page: PageInput | undefined): { limit: number; after: (string | number)[] | undefined } {
  const p = pageSchema.parse(page ?? {});
  return { limit: p.limit, after: decodeCursor(p.cursor) };
}

/**
 * `(c1, c2, ...) < (v1, v2, ...)` (descending order) or `>` (ascending), spelled out as ORs of
 * ANDs because SQLite and PostgreSQL both accept that form.
 */
export function keyset<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  columns: string[],
  values: (string | number)[],
  dir: 'asc' | 'desc',
): Expression<SqlBool> {
  const op = dir === 'desc' ? '<' : '>';
  const ors: Expression<SqlBool>[] = [];
  for (let i = 0; i < columns.length; i++) {
    const ands: Expression<SqlBool>[] = [];
    for (let j = 0; j < i; j++) ands.push(sql<SqlBool>`${sql.ref(columns[j])} = ${values[j]}`);
    ands.push(sql<SqlBool>`${sql.ref(columns[i])} ${sql.raw(op)} ${values[i]}`);
    ors.push(eb.and(ands));
  }
  return eb.or(ors);
}

export function nextCursor<T>(items: T[], limit: number, key: (t: T) => (string | number)[]): { items: T[]; next_cursor: string | null } {
  if (items.length <= limit) return { items, next_cursor: null };
  const page = items.slice(0, limit);
  return { items: page, next_cursor: encodeCursor(key(page[page.length - 1])) };
}
