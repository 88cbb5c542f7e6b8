/**
 * The incident filter as one SQL WHERE clause with `?` placeholders and its parameters, written
 * once for every reader of incidents: the full rows (through Kysely, `whereExpression`) and the
 * list page (a cached prepared statement on SQLite, a raw compiled query on PostgreSQL). Building
 * the text by hand costs microseconds; building it through Kysely's query builder cost more CPU
 * than running the query (profile of the API list, BENCHMARKS.md "## api").
 *
 * `verdict=` without an agreement is a test on `incidents.verdict_mask` (migration 0004), inside
 * the list's covering index; with an agreement the findings row of that agreement decides, and the
 * mask still rules out most candidates before the probe.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { VERDICTS } from '../../domain/finding.js';
import { type IncidentFilter, timeBounds } from '../incident-filter.js';
import { verdictMaskOf } from '../verdict-rollups.js';

export interface SqlPart {
  /** SQL text with `?` placeholders (no `?` appears in it otherwise) */
  text: string;
  params: unknown[];
}

const effective = 'coalesce(f.override_verdict, f.verdict)';
const APPLICABLE = verdictMaskOf(VERDICTS.filter((v) => v !== 'not_applicable'));

/** `(c1, c2) < (v1, v2)` spelled out (descending keyset), as page.ts's `keyset` does. */
export function keysetBefore(tStart: number, id: string): SqlPart {
  return { text: '(t_start < ? OR (t_start = ? AND id < ?))', params: [tStart, tStart, id] };
}

export function incidentWhere(f: IncidentFilter, extra: SqlPart[] = []): SqlPart {
  const { from, to } = timeBounds(f);
  const c: string[] = [];
  const params: unknown[] = [];
  const add = (text: string, ...p: unknown[]) => {
    c.push(text);
    params.push(...p);
  };
  if (from !== undefined) add('t_end >= ?', from);
  if (to !== undefined) add('t_start < ?', to);
  if (f.bbox) {
    const [minLon, minLat, maxLon, maxLat] = f.bbox;
    add('lon >= ? AND lon <= ? AND lat >= ? AND lat <= ?', minLon, maxLon, minLat, maxLat);
  }
  const list = (n: number) => Array.from({ length: n }, () => '?').join(', ');
  if (f.type?.length) add(`type IN (${list(f.type.length)})`, ...f.type);
  if (f.review?.length) add(`review_state IN (${list(f.review.length)})`, ...f.review);
  if (f.min_confidence !== undefined) add('confidence >= ?', f.min_confidence);
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    add(
      `(lower(coalesce(description, '')) LIKE ? ESCAPE '\\' OR lower(coalesce(place, '')) LIKE ? ESCAPE '\\')`,
      like,
      like,
    );
  }
  // the mask is an integer of our own making: inlined, so that the statement text (and the cached
  // statement) depends on which verdicts are asked for, not on parameter values
  const mask = f.verdict?.length ? verdictMaskOf(f.verdict) : APPLICABLE;
  if (f.verdict?.length && !f.agreement) c.push(`(verdict_mask & ${mask}) <> 0`);
  if (f.agreement) {
    const test = f.verdict?.length ? `${effective} IN (${list(f.verdict.length)})` : `${effective} <> 'not_applicable'`;
    add(
      `(verdict_mask & ${mask}) <> 0 AND EXISTS (SELECT 1 FROM findings f WHERE f.incident_id = incidents.id AND f.agreement_id = ? AND ${test})`,
      f.agreement,
      ...(f.verdict ?? []),
    );
  }
  if (f.party) {
    add(
      '(by_actor = ? OR EXISTS (SELECT 1 FROM findings f WHERE f.incident_id = incidents.id AND f.party = ?))',
      f.party,
      f.party,
    );
  }
  for (const e of extra) add(e.text, ...e.params);
  return { text: c.length ? c.join(' AND ') : '1 = 1', params };
}

/** A part as a Kysely expression (for query-builder readers). */
export function whereExpression(part: SqlPart): RawBuilder<SqlBool> {
  const pieces = part.text.split('?');
  return sql<SqlBool>(Object.assign(pieces, { raw: pieces }) as unknown as TemplateStringsArray, ...part.params);
}

/** `?` placeholders -> PostgreSQL's `$1, $2, ...`. */
export function numbered(text: string): string {
  let i = 0;
  return text.replace(/\?/g, () => `$${++i}`);
}
