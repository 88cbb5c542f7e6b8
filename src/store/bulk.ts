/**
 * The write path that must be fast (ingestion, the worker queue) goes around the query builder:
 * each dialect implements these few operations with what is fastest there (better-sqlite3
 * prepared multi-row statements; PostgreSQL COPY into a staging table). Everything else uses Kysely.
 */
import type { IncidentRow, ReportRow, SourcesTable } from './schema.js';

export interface BulkTx {
  /** which of these report ids are already stored */
  existingReportIds(ids: string[]): Promise<Set<string>>;
  /** which of these incident ids are already taken */
  existingIncidentIds(ids: string[]): Promise<Set<string>>;
  /** insert; a report id that already exists is skipped (never an error) */
  insertReports(rows: ReportRow[]): Promise<void>;
  /**
   * PostgreSQL: insert reports given as COPY lines of the bulk-batch columns (`lines[i]` is
   * `rows[i]`; the rows give the writer's columns: status, incident_id, times).
   */
  insertReportLines?(lines: string[], rows: ReportRow[]): Promise<void>;
  /** insert or replace whole incident rows */
  upsertIncidents(rows: IncidentRow[]): Promise<void>;
  /** insert incidents known to be new (no conflict check needed); defaults to upsertIncidents */
  insertIncidents?(rows: IncidentRow[]): Promise<void>;
  /** incidents that can anchor a cluster and start in [from, to) */
  loadIncidents(from: number, to: number): Promise<IncidentRow[]>;
  /** take up to `limit` queued reports, skipping ones another transaction holds */
  claimQueued(limit: number): Promise<ReportRow[]>;
  /** set incident_id, status ('processed' or 'failed') and processed_at */
  markProcessed(assignments: { id: string; incident_id: string | null; status: string }[], at: number): Promise<void>;
  /** serialise writers that touch the same days (PostgreSQL advisory locks; no-op on SQLite) */
  lockDays(days: number[]): Promise<void>;
  /** insert sources (an id already stored is skipped) */
  addSources(rows: SourcesTable[]): Promise<void>;
  /** add to sources.report_count */
  bumpSourceCounts(counts: Map<string, number>): Promise<void>;
}

export interface BulkEngine {
  /**
   * One write transaction. `bulk`: a batch of a bulk load (SQLite: synchronous=OFF for its
   * commit, see src/store/dialects/sqlite/bulk.ts).
   */
  transaction<T>(fn: (tx: BulkTx) => Promise<T>, opts?: { bulk?: boolean }): Promise<T>;
  /**
   * True when the incidents cached by this process may be stale (another connection wrote since
   * the last call). SQLite: PRAGMA data_version; PostgreSQL: always true (workers share the table).
   */
  othersWrote(): boolean;
}
