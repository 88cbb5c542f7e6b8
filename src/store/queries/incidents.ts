/** Incident listing and detail, with the shared filter (time, bbox, agreement, verdict, party...). */
import { CompiledQuery, type Kysely } from 'kysely';
import { readerOf } from '../dialects/sqlite/reader.js';
import type { IncidentFilter, PageInput } from '../incident-filter.js';
import type { IncidentDetail, IncidentSummary, Page } from '../records.js';
import type { Database } from '../schema.js';
import { incidentWhere, keysetBefore, numbered, whereExpression } from './incident-where.js';
import { toAudit, toClaim, toFinding, toIncident, toReport, toSource } from './mappers.js';
import { keyset, nextCursor, pageOf } from './page.js';

function filtered(db: Kysely<Database>, f: IncidentFilter) {
  return db
    .selectFrom('incidents')
    .selectAll('incidents')
    .where(whereExpression(incidentWhere(f)));
}

export async function listIncidents(
  db: Kysely<Database>,
  f: IncidentFilter,
  page: PageInput | undefined,
  within?: (lon: number, lat: number) => boolean,
): Promise<Page<IncidentSummary>> {
  const { limit, after } = pageOf(page);
  const out: IncidentSummary[] = [];
  let cursor = after;
  // with a post-filter (`within`), keep reading until the page is full or the rows run out
  for (;;) {
    let q = filtered(db, f);
    if (cursor) {
      const [t, id] = cursor;
      q = q.where((eb) => keyset(eb, ['t_start', 'id'], [Number(t), String(id)], 'desc'));
    }
    const want = limit + 1 - out.length;
    const rows = await q
      .orderBy('t_start', 'desc')
      .orderBy('id', 'desc')
      .limit(within ? Math.max(want, 200) : want)
      .execute();
    for (const r of rows) {
      if (within && (r.lat === null || r.lon === null || !within(r.lon, r.lat))) continue;
      out.push(toIncident(r));
      if (out.length === limit + 1) break;
    }
    if (!within || out.length === limit + 1 || rows.length < Math.max(want, 200)) break;
    const last = rows[rows.length - 1];
    cursor = [Number(last.t_start), last.id];
  }
  return nextCursor(out, limit, (i) => [i.t_start, i.id]);
}

export async function getIncident(db: Kysely<Database>, id: string): Promise<IncidentDetail | undefined> {
  const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [reports, findings, claims, history] = await Promise.all([
    db.selectFrom('reports').selectAll().where('incident_id', '=', id).orderBy('t_start').orderBy('id').execute(),
    db.selectFrom('findings').selectAll().where('incident_id', '=', id).orderBy('agreement_id').execute(),
    db.selectFrom('claims').selectAll().where('incident_id', '=', id).orderBy('at_ms').execute(),
    db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'incident')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute(),
  ]);
  const base = toIncident(row);
  const sources = base.source_ids.length
    ? (await db.selectFrom('sources').selectAll().where('id', 'in', base.source_ids).execute()).map(toSource)
    : [];
  const reportRecords = reports.map(toReport);
  // the incident object names its sources with their URLs, as formats.md §4 shows
  const srcList = reportRecords.flatMap((r): { outlet?: string; url?: string }[] =>
    r.source_ids.length
      ? r.source_ids.map((s) => ({ outlet: s, ...(r.url ? { url: r.url } : {}) }))
      : r.url
        ? [{ url: r.url }]
        : [],
  );
  if (srcList.length) base.incident.sources = dedupe(srcList);
  return {
    ...base,
    reports: reportRecords,
    sources,
    findings: findings.map(toFinding),
    claims: claims.map(toClaim),
    history: history.map(toAudit),
  };
}

function dedupe(list: { outlet?: string; url?: string }[]): { outlet?: string; url?: string }[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const k = `${s.outlet ?? ''}\0${s.url ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The columns an incident list shows, in the order `listRow` reads them (raw rows are arrays). */
const LIST_COLUMNS = [
  'id',
  'at_text',
  't_start',
  't_end',
  'lat',
  'lon',
  'precision_km',
  'place',
  'admin1',
  'admin2',
  'type',
  'by_actor',
  'against_actor',
  'fatalities',
  'description',
  'report_count',
  'source_count',
  'confidence',
  'review_state',
  'verdict_mask',
  'list_verdicts',
] as const;
const LIST_SELECT = `SELECT ${LIST_COLUMNS.join(', ')} FROM incidents`;

export type IncidentListRow = Pick<
  IncidentSummary,
  | 'id'
  | 'when'
  | 't_start'
  | 't_end'
  | 'lat'
  | 'lon'
  | 'precision_km'
  | 'place'
  | 'admin1'
  | 'admin2'
  | 'type'
  | 'by'
  | 'against'
  | 'fatalities'
  | 'description'
  | 'report_count'
  | 'source_count'
  | 'confidence'
  | 'review_state'
> & {
  /** the effective verdicts over all agreements, one bit each (VERDICT_BITS, migration 0004) */
  verdict_mask: number;
  /**
   * the verdicts as the incident list shows them, JSON kept by the database (migration 0004):
   * `[{agreement, verdict, rule, party, answerable, overridden}]` ordered by agreement, where
   * `verdict` is the effective one (an analyst's override when there is one)
   */
  verdicts_json: string;
};

/**
 * One page of an incident list with every incident's verdicts, in ONE query that reads one row per
 * listed incident: the verdicts are a column (incidents.list_verdicts) and `verdict=` a test on
 * incidents.verdict_mask, both kept by triggers on findings (migration 0004). With the covering
 * index incidents_list_cover the time, bbox, verdict and keyset tests run on the index alone; the
 * table row is read only for the rows that make the page (SQLite's deferred seek). On SQLite the
 * statement is prepared once and read in raw mode on the store's read connection (reader.ts).
 */
export async function listIncidentPage(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  f: IncidentFilter,
  page: PageInput | undefined,
  within?: (lon: number, lat: number) => boolean,
): Promise<Page<IncidentListRow>> {
  const { limit, after } = pageOf(page);
  const reader = dialect === 'sqlite' ? readerOf(db) : undefined;
  const out: IncidentListRow[] = [];
  let cursor = after;
  for (;;) {
    const where = incidentWhere(f, cursor ? [keysetBefore(Number(cursor[0]), String(cursor[1]))] : []);
    const want = within ? Math.max(limit + 1 - out.length, 200) : limit + 1 - out.length;
    const text = `${LIST_SELECT} WHERE ${where.text} ORDER BY t_start DESC, id DESC LIMIT ?`;
    const params = [...where.params, want];
    const rows = reader
      ? reader.rows(text, params)
      : (
          await db.executeQuery<Record<string, unknown>>(
            CompiledQuery.raw(dialect === 'postgres' ? numbered(text) : text, params),
          )
        ).rows.map((r) => LIST_COLUMNS.map((c) => r[c]));
    for (const r of rows) {
      const row = listRow(r);
      if (within && (row.lat === null || row.lon === null || !within(row.lon, row.lat))) continue;
      out.push(row);
      if (out.length === limit + 1) break;
    }
    if (!within || out.length === limit + 1 || rows.length < want) break;
    const last = rows[rows.length - 1];
    cursor = [Number(last[2]), String(last[0])];
  }
  return nextCursor(out, limit, (i) => [i.t_start, i.id]);
}

function listRow(r: unknown[]): IncidentListRow {
  return {
    id: r[0] as string,
    when: r[1] as string,
    t_start: Number(r[2]),
    t_end: Number(r[3]),
    lat: r[4] as number | null,
    lon: r[5] as number | null,
    precision_km: r[6] as number | null,
    place: r[7] as string | null,
    admin1: r[8] as string | null,
    admin2: r[9] as string | null,
    type: r[10] as string,
    by: r[11] as string | null,
    against: r[12] as string | null,
    fatalities: r[13] === null ? null : Number(r[13]),
    description: r[14] as string | null,
    report_count: Number(r[15]),
    source_count: Number(r[16]),
    confidence: Number(r[17]),
    review_state: r[18] as IncidentListRow['review_state'],
    verdict_mask: Number(r[19] ?? 0),
    verdicts_json: (r[20] as string | null) ?? '[]',
  };
}
