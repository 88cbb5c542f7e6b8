/**
 * The write path shared by both dialects: store new reports and cluster them into incidents in
 * one transaction, so that a crash leaves either the whole batch or nothing (the rerun then
 * finds the reports already there by id and skips them), and a queued report is processed
 * exactly once.
 */
import { daysOf, IncidentClusterer } from '../pipeline/cluster/incident-clusterer.js';
import { DAY_MS, MAX_ANCHOR_SPAN_MS } from '../pipeline/cluster/same-event.js';
import type { BulkEngine, BulkTx } from './bulk.js';
import { batchRow, type ReportBatch } from './bulk-batch.js';
import type { SourceResolver } from './report-rows.js';
import type { ReportRow, SourcesTable } from './schema.js';

/** keep at most this many incidents in memory between batches (bounded RSS on huge imports) */
const CACHE_LIMIT = 100_000;

export interface ClusterOutcome {
  created: number;
  updated: number;
}

export class ReportClusterWriter {
  private readonly clusterer: IncidentClusterer;
  constructor(
    private readonly engine: BulkEngine,
    sources: SourceResolver,
    /** false when other processes write concurrently (PostgreSQL): reload candidates every batch */
    private readonly cacheAcrossBatches: boolean,
  ) {
    this.clusterer = new IncidentClusterer(sources.weightOf);
  }

  /** Insert rows not yet stored; cluster them unless `queue`. Rows must have distinct ids. */
  async write(
    rows: ReportRow[],
    opts: { queue: boolean; now: number },
  ): Promise<{ inserted: ReportRow[] } & ClusterOutcome> {
    try {
      return await this.engine.transaction(async (tx) => {
        const existing = await tx.existingReportIds(rows.map((r) => r.id));
        const fresh = rows.filter((r) => !existing.has(r.id));
        if (opts.queue) {
          await tx.insertReports(fresh);
          await tx.bumpSourceCounts(countSources(fresh));
          return { inserted: fresh, created: 0, updated: 0 };
        }
        const outcome = await this.cluster(tx, fresh, opts.now);
        await tx.insertReports(fresh);
        await tx.bumpSourceCounts(countSources(fresh));
        return { inserted: fresh, ...outcome };
      });
    } catch (err) {
      this.clusterer.clear(); // memory may hold incidents of the rolled-back batch
      throw err;
    }
  }

  /**
   * The bulk path: decoded columnar batches, as they come, stored and clustered in ONE
   * transaction (the same outcome as `write` of the same rows). Small batches keep the garbage
   * collector's young generation light; the transaction is as large as the caller's iterable.
   */
  async writeBatches(
    batches: AsyncIterable<ReportBatch>,
    now: number,
    /** the rows to insert into `sources` for a batch's newly met sources */
    newSources: (list: [string, string][]) => SourcesTable[],
  ): Promise<{ reports: number; inserted: number } & ClusterOutcome> {
    const total = { reports: 0, inserted: 0, created: 0, updated: 0 };
    try {
      return await this.engine.transaction(
        async (tx) => {
          let first = true;
          for await (const batch of batches) {
            total.reports += batch.reports;
            if (batch.newSources.length) await tx.addSources(newSources(batch.newSources));
            if (batch.n === 0) continue;
            const ids = batch.cols.id as string[];
            const existing = await tx.existingReportIds(ids);
            const fresh: number[] = [];
            for (let i = 0; i < batch.n; i++) if (!existing.has(ids[i])) fresh.push(i);
            const rows = fresh.map((i) => batchRow(batch, i, now));
            // later batches of the same transaction keep what memory holds: the days it loaded
            // are locked (PostgreSQL) or the file is (SQLite) until the commit
            const outcome = await this.cluster(tx, rows, now, !first);
            first = false;
            if (batch.copy && tx.insertReportLines) {
              await tx.insertReportLines(
                fresh.map((i) => batch.copy![i]),
                rows,
              );
            } else await tx.insertReports(rows);
            await tx.bumpSourceCounts(countSources(rows));
            total.inserted += rows.length;
            total.created += outcome.created;
            total.updated += outcome.updated;
          }
          return total;
        },
        { bulk: true },
      );
    } catch (err) {
      this.clusterer.clear();
      throw err;
    }
  }

  /** Cluster up to `limit` queued reports (claimed with SKIP LOCKED on PostgreSQL). */
  async processQueued(limit: number, now: number): Promise<number> {
    try {
      return await this.engine.transaction(async (tx) => {
        const rows = await tx.claimQueued(limit);
        if (rows.length === 0) return 0;
        await this.cluster(tx, rows, now);
        await tx.markProcessed(
          rows.map((r) => ({ id: r.id, incident_id: r.incident_id, status: r.status })),
          now,
        );
        return rows.length;
      });
    } catch (err) {
      this.clusterer.clear();
      throw err;
    }
  }

  private async cluster(tx: BulkTx, rows: ReportRow[], now: number, sameTransaction = false): Promise<ClusterOutcome> {
    const c = this.clusterer;
    if (!sameTransaction && (!this.cacheAcrossBatches || this.engine.othersWrote() || c.size > CACHE_LIMIT)) c.clear();
    const days = new Set<number>();
    for (const r of rows) if (r.t_start !== null) for (const d of daysOf(r.t_start, r.t_end ?? r.t_start)) days.add(d);
    await tx.lockDays([...days]);
    await this.load(
      tx,
      [...days].filter((d) => !c.loadedDays.has(d)),
    );

    for (const r of rows) {
      if (r.t_start === null) {
        // no time, no event: kept as evidence, never clustered
        r.status = 'failed';
        r.processed_at = now;
        continue;
      }
      const s = c.assign(r, now);
      r.status = 'processed';
      r.processed_at = now;
      r.incident_id = s.row.id; // provisional for fresh incidents, fixed below
      (r as ReportRow & { _state?: unknown })._state = s;
    }
    const dirty = c.takeDirty();
    const fresh = dirty.filter((s) => s.fresh);
    // a fresh incident takes its founding report's external id (e.g. an ACLED event id) when free
    const wanted = fresh.map((s) => s.founder?.external_id).filter((x): x is string => !!x);
    const taken = await tx.existingIncidentIds(wanted);
    for (const s of fresh) {
      const ext = s.founder?.external_id;
      if (ext && !taken.has(ext) && !c.has(ext)) c.rename(s, ext);
      taken.add(s.row.id);
      s.fresh = false;
      s.founder = undefined;
    }
    for (const r of rows) {
      const st = (r as ReportRow & { _state?: { row: { id: string } } })._state;
      if (st) {
        r.incident_id = st.row.id;
        delete (r as ReportRow & { _state?: unknown })._state;
      }
    }
    // new incidents are plain inserts (their ids were just checked free); grown ones are updated
    const created = new Set(fresh);
    if (tx.insertIncidents) {
      await tx.insertIncidents(fresh.map((s) => s.row));
      await tx.upsertIncidents(dirty.filter((s) => !created.has(s)).map((s) => s.row));
    } else await tx.upsertIncidents(dirty.map((s) => s.row));
    return { created: fresh.length, updated: dirty.length - fresh.length };
  }

  private async load(tx: BulkTx, days: number[]): Promise<void> {
    if (days.length === 0) return;
    days.sort((a, b) => a - b);
    // contiguous runs of days -> one range query each; an anchor may start up to its span earlier
    let runStart = days[0];
    let prev = days[0];
    const flush = async (a: number, b: number) => {
      for (const row of await tx.loadIncidents(a * DAY_MS - MAX_ANCHOR_SPAN_MS - DAY_MS, (b + 2) * DAY_MS)) {
        this.clusterer.addExisting(row);
      }
    };
    for (const d of days.slice(1)) {
      if (d !== prev + 1) {
        await flush(runStart, prev);
        runStart = d;
      }
      prev = d;
    }
    await flush(runStart, prev);
    for (const d of days) this.clusterer.loadedDays.add(d);
  }
}

function countSources(rows: ReportRow[]): Map<string, number> {
  // feeds repeat a few source lists: parse each distinct list once
  const lists = new Map<string, number>();
  for (const r of rows) lists.set(r.source_ids, (lists.get(r.source_ids) ?? 0) + 1);
  const m = new Map<string, number>();
  for (const [json, n] of lists) for (const s of JSON.parse(json) as string[]) m.set(s, (m.get(s) ?? 0) + n);
  return m;
}
