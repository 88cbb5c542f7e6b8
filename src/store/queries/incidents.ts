/** Incident listing and detail, with the shared filter (time, bbox, agreement, verdict, party...). */
import { type Kysely, type SqlBool, sql } from 'kysely';
import { type IncidentFilter, type PageInput, timeBounds } from '../incident-filter.js';
import type { IncidentDetail, IncidentSummary, Page } from '../records.js';
import type { Database } from '../schema.js';
import { toAudit, toClaim, toFinding, toIncident, toReport, toSource } from './mappers.js';
import { keyset, nextCursor, pageOf } from './page.js';

const effective = sql<string>`coalesce(f.override_verdict, f.verdict)`;

function filtered(db: Kysely<Database>, f: IncidentFilter) {
  const { from, to } = timeBounds(f);
  return db.selectFrom('incidents').selectAll('incidents').where((eb) => {
    const c: ReturnType<typeof sql<SqlBool>>[] = [];
    if (from !== undefined) c.push(sql<SqlBool>`t_end >= ${from}`);
    if (to !== undefined) c.push(sql<SqlBool>`t_start < ${to}`);
    if (f.bbox) {
      const [minLon, minLat, maxLon, maxLat] = f.bbox;
      c.push(sql<SqlBool>`lon >= ${minLon} AND lon <= ${maxLon} AND lat >= ${minLat} AND lat <= ${maxLat}`);
    }
    if (f.type?.length) c.push(sql<SqlBool>`type IN (${sql.join(f.type)})`);
    if (f.review?.length) c.push(sql<SqlBool>`review_state IN (${sql.join(f.review)})`);
    if (f.min_confidence !== undefined) c.push(sql<SqlBool>`confidence >= ${f.min_confidence}`);
    if (f.q) {
      const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      c.push(sql<SqlBool>`(lower(coalesce(description, '')) LIKE ${like} ESCAPE '\\' OR lower(coalesce(place, '')) LIKE ${like} ESCAPE '\\')`);
    }
    if (f.agreement || f.verdict?.length) {
      const parts = [sql`f.incident_id = incidents.id`];
      if (f.agreement) parts.push(sql`f.agreement_id = ${f.agreement}`);
      if (f.verdict?.length) parts.push(sql`${effective} IN (${sql.join(f.verdict)})`);
      else parts.push(sql`${effective} <> 'not_applicable'`);
      c.push(sql<SqlBool>`EXISTS (SELECT 1 FROM findings f WHERE ${sql.join(parts, sql` AND `)})`);
    }
    if (f.party) {
      c.push(
        sql<SqlBool>`(by_actor = ${f.party} OR EXISTS (SELECT 1 FROM findings f WHERE f.incident_id = incidents.id AND f.party = ${f.party}))`,
      );
    }
    return eb.and(c);
  });
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
    const rows = await q.orderBy('t_start', 'desc').orderBy('id', 'desc').limit(within ? Math.max(want, 200) : want).execute();
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
    db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'incident').where('entity_id', '=', id).orderBy('id').execute(),
  ]);
  const base = toIncident(row);
  const sources = base.source_ids.length
    ? (await db.selectFrom('sources').selectAll().where('id', 'in', base.source_ids).execute()).map(toSource)
    : [];
  const reportRecords = reports.map(toReport);
  // the incident object names its sources with their URLs, as formats.md §4 shows
  const srcList = reportRecords.flatMap((r): { outlet?: string; url?: string }[] =>
    r.source_ids.length ? r.source_ids.map((s) => ({ outlet: s, ...(r.url ? { url: r.url } : {}) })) : r.url ? [{ url: r.url }] : [],
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
