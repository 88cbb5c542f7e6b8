/**
 * The Store implementation shared by both dialects: Kysely for queries, the dialect's BulkEngine
 * for the ingestion write path. Dialect files only open connections.
 */
import { type Kysely, sql } from 'kysely';
import type { Finding } from '../domain/finding.js';
import { noisyOr } from '../pipeline/cluster/incident-clusterer.js';
import type { BulkEngine } from './bulk.js';
import type { ReportBatch } from './bulk-batch.js';
import { ReportClusterWriter } from './cluster-reports.js';
import type { IncidentFilter, PageInput } from './incident-filter.js';
import { addClaim, agreementStatus, listClaims } from './queries/claims.js';
import { complianceSummary, listFindings, replaceFindings } from './queries/findings.js';
import { getIncident, listIncidents } from './queries/incidents.js';
import { toIncident, toReport, toSource } from './queries/mappers.js';
import { nextCursor, pageOf } from './queries/page.js';
import { audit, listAudit, lockIncident, reviewIncident, setOverride, unlockIncident } from './queries/review.js';
import { tokenRepository } from './queries/tokens.js';
import { reportRow, SourceResolver, sourceSlug, UNRATED_WEIGHT, weightOfReliability } from './report-rows.js';
import type { Database, ReportRow } from './schema.js';
import type { AddReportsResult, ReportFilter, ReportInput, SourceInput, Store, StoreStats } from './store.js';
import type { AuditFilter } from './store-errors.js';

/** An outlet first met in a report, before any sources.yaml rated it. */
function unratedSource(id: string, name: string) {
  return { id, name, reliability: null, weight: UNRATED_WEIGHT, kind: null, url: null, aliases: '[]', report_count: 0 };
}

export class KyselyStore implements Store {
  readonly tokens;
  private readonly sources = new SourceResolver();
  private readonly writer: ReportClusterWriter;
  private sourcesLoaded = false;

  constructor(
    readonly dialect: 'sqlite' | 'postgres',
    readonly db: Kysely<Database>,
    readonly bulk: BulkEngine,
    private readonly onClose: () => Promise<void>,
  ) {
    this.tokens = tokenRepository(db);
    this.writer = new ReportClusterWriter(bulk, this.sources, dialect === 'sqlite');
  }

  async close(): Promise<void> {
    await this.onClose();
  }

  private async loadSources(): Promise<void> {
    if (this.sourcesLoaded) return;
    for (const s of await this.db.selectFrom('sources').selectAll().execute()) {
      this.sources.add(s.id, [s.name, ...(JSON.parse(s.aliases) as string[])], Number(s.weight));
    }
    this.sourcesLoaded = true;
  }

  async stats(): Promise<StoreStats> {
    const count = async (t: keyof Database, where?: [string, string]) => {
      let q = this.db.selectFrom(t).select(sql<number>`count(*)`.as('n'));
      if (where) q = q.where(sql.ref(where[0]), '=', where[1]);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    return {
      reports: await count('reports'),
      queued: await count('reports', ['status', 'queued']),
      incidents: await count('incidents'),
      findings: await count('findings'),
      claims: await count('claims'),
      sources: await count('sources'),
    };
  }

  // ---- incidents ---------------------------------------------------------------------------------
  listIncidents(filter: IncidentFilter, page?: PageInput, opts?: { within?: (lon: number, lat: number) => boolean }) {
    return listIncidents(this.db, filter, page, opts?.within);
  }
  getIncident(id: string) {
    return getIncident(this.db, id);
  }
  async listStaleIncidents(limit: number) {
    const rows = await this.db
      .selectFrom('incidents')
      .selectAll()
      .where('stale', '=', 1)
      .orderBy('t_start')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toIncident);
  }
  async markStale(opts: { ids?: string[]; from?: number; to?: number }): Promise<number> {
    let n = 0;
    if (opts.ids) {
      for (let i = 0; i < opts.ids.length; i += 400) {
        const res = await this.db
          .updateTable('incidents')
          .set({ stale: 1 })
          .where('id', 'in', opts.ids.slice(i, i + 400))
          .executeTakeFirst();
        n += Number(res.numUpdatedRows);
      }
      return n;
    }
    let q = this.db.updateTable('incidents').set({ stale: 1 });
    if (opts.from !== undefined) q = q.where('t_end', '>=', opts.from);
    if (opts.to !== undefined) q = q.where('t_start', '<', opts.to);
    return Number((await q.executeTakeFirst()).numUpdatedRows);
  }

  // ---- reports and sources ------------------------------------------------------------------------
  async listReports(f: ReportFilter, page?: PageInput) {
    const { limit, after } = pageOf(page);
    let q = this.db.selectFrom('reports').selectAll();
    if (f.incident) q = q.where('incident_id', '=', f.incident);
    if (f.format) q = q.where('format', '=', f.format);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.file) q = q.where('file', '=', f.file);
    if (f.source) q = q.where('source_ids', 'like', `%${JSON.stringify(f.source)}%`);
    if (after) q = q.where('id', '>', String(after[0]));
    const rows = await q
      .orderBy('id')
      .limit(limit + 1)
      .execute();
    return nextCursor(rows.map(toReport), limit, (r) => [r.id]);
  }
  async getReport(id: string) {
    const r = await this.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toReport(r) : undefined;
  }

  /** Rows for inputs, with unknown sources registered first (unrated). */
  private async rowsOf(reports: ReportInput[], now: number): Promise<ReportRow[]> {
    await this.loadSources();
    const rows: ReportRow[] = [];
    const seen = new Set<string>();
    const unknown = new Map<string, string>();
    for (const input of reports) {
      const row = reportRow(input, this.sources, now);
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      rows.push(row);
      for (const name of input.sources ?? []) {
        const id = this.sources.idOf(name);
        if (name.trim() && !this.sources.known(id)) unknown.set(id, name.trim());
      }
    }
    if (unknown.size) {
      const values = [...unknown].map(([id, name]) => unratedSource(id, name));
      for (let i = 0; i < values.length; i += 50) {
        await this.db
          .insertInto('sources')
          .values(values.slice(i, i + 50))
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      }
      for (const [id, name] of unknown) this.sources.add(id, [name], UNRATED_WEIGHT);
    }
    return rows;
  }

  async addReports(reports: ReportInput[], opts: { queue?: boolean; actor?: string } = {}): Promise<AddReportsResult> {
    const now = Date.now();
    const rows = await this.rowsOf(reports, now);
    const res = await this.writer.write(rows, { queue: !!opts.queue, now });
    return {
      inserted: res.inserted.length,
      duplicates: reports.length - res.inserted.length,
      incidentsCreated: res.created,
      incidentsUpdated: res.updated,
      reportIds: res.inserted.map((r) => r.id),
    };
  }

  async sourceSnapshot() {
    await this.loadSources();
    return this.sources.snapshot();
  }

  async addReportBatches(batches: AsyncIterable<ReportBatch>) {
    await this.loadSources();
    // sources a bulk reader met first: stored unrated, in the batch's transaction
    const newSources = (list: [string, string][]) => {
      const rows = list.filter(([id]) => !this.sources.known(id)).map(([id, name]) => unratedSource(id, name));
      for (const r of rows) this.sources.register(r.id, r.name);
      return rows;
    };
    try {
      const res = await this.writer.writeBatches(batches, Date.now(), newSources);
      return {
        inserted: res.inserted,
        duplicates: res.reports - res.inserted,
        incidentsCreated: res.created,
        incidentsUpdated: res.updated,
      };
    } catch (err) {
      this.sourcesLoaded = false; // sources registered in memory may have been rolled back
      throw err;
    }
  }

  async submitReport(report: ReportInput, actor: string) {
    const res = await this.addReports([{ ...report, format: report.format ?? 'manual' }], { actor });
    const rows = await this.rowsOf([report], Date.now());
    const stored = (await this.getReport(rows[0].id))!;
    if (res.inserted) {
      await audit(this.db, {
        actor,
        action: 'submit_report',
        entity_type: 'report',
        entity_id: stored.id,
        after: { incident: stored.incident_id },
      });
      if (stored.incident_id) {
        await audit(this.db, {
          actor,
          action: 'add_report',
          entity_type: 'incident',
          entity_id: stored.incident_id,
          after: { report: stored.id },
        });
      }
    }
    return { report: stored, created: res.inserted > 0 };
  }

  async processQueue(limit: number): Promise<number> {
    await this.loadSources();
    return this.writer.processQueued(limit, Date.now());
  }

  async listSources() {
    return (await this.db.selectFrom('sources').selectAll().orderBy('id').execute()).map(toSource);
  }

  async upsertSources(list: SourceInput[]) {
    await this.loadSources();
    const changed: string[] = [];
    await this.db.transaction().execute(async (trx) => {
      for (const s of list) {
        const id = s.id ?? sourceSlug(s.name);
        const weight = weightOfReliability(s.reliability);
        const row = {
          id,
          name: s.name,
          reliability: s.reliability ?? null,
          weight,
          kind: s.kind ?? null,
          url: s.url ?? null,
          aliases: JSON.stringify(s.aliases ?? []),
          report_count: 0,
        };
        const before = await trx.selectFrom('sources').select(['weight']).where('id', '=', id).executeTakeFirst();
        await trx
          .insertInto('sources')
          .values(row)
          .onConflict((oc) =>
            oc.column('id').doUpdateSet({
              name: row.name,
              reliability: row.reliability,
              weight,
              kind: row.kind,
              url: row.url,
              aliases: row.aliases,
            }),
          )
          .execute();
        if (before && Number(before.weight) !== weight) changed.push(id);
        this.sources.add(id, [s.name, ...(s.aliases ?? [])], weight);
      }
      // a re-rated source changes the confidence of every incident it reported
      for (const id of changed) {
        const incs = await trx
          .selectFrom('incidents')
          .select(['id', 'source_ids'])
          .where('source_ids', 'like', `%${JSON.stringify(id)}%`)
          .execute();
        for (const inc of incs) {
          const ids = JSON.parse(inc.source_ids) as string[];
          await trx
            .updateTable('incidents')
            .set({ confidence: noisyOr(ids.map(this.sources.weightOf)) })
            .where('id', '=', inc.id)
            .execute();
        }
      }
    });
  }

  // ---- findings -------------------------------------------------------------------------------------
  listFindings(f: Parameters<Store['listFindings']>[0], page?: PageInput) {
    return listFindings(this.db, f, page);
  }
  replaceFindings(ids: string[], findings: Finding[]) {
    return replaceFindings(this.db, ids, findings);
  }
  complianceSummary(agreementId: string, opts?: { from?: number; to?: number; period?: 'day' | 'month' }) {
    return complianceSummary(this.db, agreementId, opts);
  }

  // ---- claims ------------------------------------------------------------------------------------------
  listClaims(f: Parameters<Store['listClaims']>[0], page?: PageInput) {
    return listClaims(this.db, f, page);
  }
  async addClaim(c: Parameters<Store['addClaim']>[0], actor: string) {
    await this.loadSources();
    return addClaim(this.db, c, actor, (n) => this.sources.idOf(n));
  }
  agreementStatus(agreementId: string) {
    return agreementStatus(this.db, agreementId);
  }

  // ---- review ------------------------------------------------------------------------------------------
  lockIncident(id: string, analyst: string) {
    return lockIncident(this.db, id, analyst);
  }
  unlockIncident(id: string, analyst: string) {
    return unlockIncident(this.db, id, analyst);
  }
  reviewIncident(...args: Parameters<Store['reviewIncident']>) {
    return reviewIncident(this.db, ...args);
  }
  overrideVerdict(input: Parameters<Store['overrideVerdict']>[0]) {
    return setOverride(this.db, input);
  }
  clearOverride(input: Parameters<Store['clearOverride']>[0]) {
    return setOverride(this.db, { ...input, verdict: null });
  }
  listAudit(f: AuditFilter, page?: PageInput) {
    return listAudit(this.db, f, page);
  }
}
