/** Findings (one verdict per incident and agreement), their replacement on recompute, and compliance counts. */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Finding } from '../../domain/finding.js';
import type { PageInput } from '../incident-filter.js';
import type { FindingRecord, Page } from '../records.js';
import type { Database, FindingsTable } from '../schema.js';
import type { ComplianceRow, FindingFilter } from '../store.js';
import { toFinding } from './mappers.js';
import { keyset, nextCursor, pageOf } from './page.js';

const CHUNK = 400;
function chunks<T>(a: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < a.length; i += CHUNK) out.push(a.slice(i, i + CHUNK));
  return out;
}

export async function listFindings(db: Kysely<Database>, f: FindingFilter, page?: PageInput): Promise<Page<FindingRecord>> {
  const { limit, after } = pageOf(page);
  const eff = sql<string>`coalesce(override_verdict, verdict)`;
  let q = db.selectFrom('findings').selectAll();
  if (f.agreement) q = q.where('agreement_id', '=', f.agreement);
  if (f.incident) q = q.where('incident_id', '=', f.incident);
  if (f.party) q = q.where('party', '=', f.party);
  if (f.from !== undefined) q = q.where('t_start', '>=', f.from);
  if (f.to !== undefined) q = q.where('t_start', '<', f.to);
  if (f.verdict?.length) q = q.where(eff, 'in', f.verdict);
  else if (!f.all) q = q.where(eff, '<>', 'not_applicable');
  if (after) q = q.where((eb) => keyset(eb, ['t_start', 'incident_id', 'agreement_id'], [Number(after[0]), String(after[1]), String(after[2])], 'desc'));
  const rows = await q.orderBy('t_start', 'desc').orderBy('incident_id', 'desc').orderBy('agreement_id', 'desc').limit(limit + 1).execute();
  return nextCursor(rows.map(toFinding), limit, (r) => [r.t_start, r.incident, r.agreement]);
}

/** Replace computed findings of `incidentIds`; analysts' overrides survive a recompute. */
export async function replaceFindings(db: Kysely<Database>, incidentIds: string[], findings: Finding[]): Promise<void> {
  if (incidentIds.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const starts = new Map<string, number>();
    const overrides = new Map<string, FindingsTable>();
    for (const ids of chunks(incidentIds)) {
      for (const r of await trx.selectFrom('incidents').select(['id', 't_start']).where('id', 'in', ids).execute()) starts.set(r.id, Number(r.t_start));
      for (const r of await trx.selectFrom('findings').selectAll().where('incident_id', 'in', ids).where('override_verdict', 'is not', null).execute()) {
        overrides.set(`${r.incident_id}\0${r.agreement_id}`, r);
      }
      await trx.deleteFrom('findings').where('incident_id', 'in', ids).execute();
    }
    const now = Date.now();
    const rows: FindingsTable[] = [];
    const seen = new Set<string>();
    for (const f of findings) {
      const key = `${f.incident}\0${f.agreement}`;
      if (!starts.has(f.incident) || seen.has(key)) continue;
      seen.add(key);
      const o = overrides.get(key);
      rows.push({
        incident_id: f.incident,
        agreement_id: f.agreement,
        verdict: f.verdict,
        rule: f.rule,
        clause: f.clause ?? null,
        party: f.party,
        answerable: f.answerable,
        reasons: JSON.stringify(f.reasons ?? []),
        sources: JSON.stringify(f.sources ?? []),
        t_start: starts.get(f.incident)!,
        computed_at: now,
        override_verdict: o?.override_verdict ?? null,
        override_justification: o?.override_justification ?? null,
        override_by: o?.override_by ?? null,
        override_at: o?.override_at ?? null,
      });
    }
    // 15 columns x 40 rows stays far below SQLite's bound-parameter limit
    for (let i = 0; i < rows.length; i += 40) await trx.insertInto('findings').values(rows.slice(i, i + 40)).execute();
    for (const ids of chunks(incidentIds)) await trx.updateTable('incidents').set({ stale: 0 }).where('id', 'in', ids).execute();
  });
}

export async function complianceSummary(
  db: Kysely<Database>,
  agreementId: string,
  opts: { from?: number; to?: number; period?: 'day' | 'month' } = {},
): Promise<ComplianceRow[]> {
  let q = db
    .selectFrom('findings')
    .select(['party', 'answerable', 't_start', sql<string>`coalesce(override_verdict, verdict)`.as('verdict')])
    .where('agreement_id', '=', agreementId);
  if (opts.from !== undefined) q = q.where('t_start', '>=', opts.from);
  if (opts.to !== undefined) q = q.where('t_start', '<', opts.to);
  const counts = new Map<string, ComplianceRow>();
  const len = opts.period === 'month' ? 7 : 10;
  for (const r of await q.execute()) {
    const period = new Date(Number(r.t_start)).toISOString().slice(0, len);
    const key = `${r.party}\0${r.answerable}\0${period}\0${r.verdict}`;
    const row = counts.get(key);
    if (row) row.count++;
    else counts.set(key, { agreement: agreementId, party: r.party, answerable: r.answerable, period, verdict: r.verdict as ComplianceRow['verdict'], count: 1 });
  }
  return [...counts.values()].sort((a, b) => a.period.localeCompare(b.period) || String(a.party).localeCompare(String(b.party)) || a.verdict.localeCompare(b.verdict));
}
