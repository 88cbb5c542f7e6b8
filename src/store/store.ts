/**
 * The evidence store: every report ever received, the incidents they cluster into, the findings
 * (verdicts) on those incidents, claims about agreements, the review workflow and its audit log.
 *
 * One interface, two dialects (Kysely): embedded SQLite (better-sqlite3, WAL; the default, a file
 * `<workspace>/.truce/truce.sqlite`) and PostgreSQL (`postgres://...`, for a monitoring cell with
 * many analysts and `truce worker` processes). Both run the same migrations and the same tests.
 *
 * Open it with `openStore({ url })`; callers (API, CLI, services) use only this interface.
 */
import type { Kysely } from 'kysely';
import type { Finding, Verdict } from '../domain/finding.js';
import type { ReportBatch } from './bulk-batch.js';
import type { IncidentFilter, PageInput } from './incident-filter.js';
import type {
  AuditEntry,
  ClaimKind,
  ClaimRecord,
  FindingRecord,
  IncidentDetail,
  IncidentSummary,
  Page,
  ReportRecord,
  ReviewOutcome,
  Role,
  SourceRecord,
  StatusPoint,
  TokenRecord,
} from './records.js';
import type { SourceSnapshot } from './report-rows.js';
import type { Database } from './schema.js';
import type { AuditFilter } from './store-errors.js';

export type { IncidentFilter, IncidentFilterInput, PageInput } from './incident-filter.js';
export { incidentFilterSchema, pageSchema } from './incident-filter.js';
export * from './records.js';

export interface OpenStoreOptions {
  /** `postgres://...` / `postgresql://...`, or a SQLite file path (`:memory:` for tests) */
  url?: string;
  /** used for the default SQLite path `<workspace>/.truce/truce.sqlite` when `url` is absent */
  workspaceDir?: string;
  /** PostgreSQL only: the schema to use (created if missing); tests use a random one */
  schema?: string;
  /** run pending migrations on open (default true) */
  migrate?: boolean;
}

export type { ReportInput } from '../domain/report-input.js';

import type { ReportInput } from '../domain/report-input.js';

/** An outlet and its rating as sources.yaml gives it (the id is derived from the name if absent). */
export interface SourceInput {
  id?: string;
  name: string;
  reliability?: string | null;
  kind?: string | null;
  url?: string | null;
  aliases?: string[];
}

export interface ReportFilter {
  incident?: string;
  source?: string;
  format?: ReportRecord['format'];
  status?: ReportRecord['status'];
  /** the ingested file path (as given on the command line) */
  file?: string;
}

export interface FindingFilter {
  agreement?: string;
  incident?: string;
  verdict?: Verdict[];
  party?: string;
  from?: number;
  to?: number;
  /** include findings whose effective verdict is not_applicable (default false) */
  all?: boolean;
}

export interface ClaimInput {
  /** a stable id makes adding the claim idempotent (text ingestion derives it from the report) */
  id?: string;
  agreement_id: string;
  kind: ClaimKind;
  at: string;
  incident_id?: string | null;
  report_id?: string | null;
  claimant?: string | null;
  subject?: string | null;
  text?: string | null;
  source?: string | null;
  url?: string | null;
}

export type { AuditFilter } from './store-errors.js';
export { ReviewError } from './store-errors.js';

/** Counts for the compliance view: effective verdicts grouped by party and period. */
export interface ComplianceRow {
  agreement: string;
  party: string | null;
  answerable: string | null;
  /** period start (UTC day `YYYY-MM-DD`, or month `YYYY-MM`) */
  period: string;
  verdict: Verdict;
  count: number;
}

/** The API's token repository (src/api/auth.ts `TokenRepository`): hashes only, never secrets. */
export interface TokenRepository {
  findByHash(hash: string): Promise<TokenRecord | undefined>;
  create(input: { id: string; name: string; role: Role; hash: string }): Promise<TokenRecord>;
  list(): Promise<TokenRecord[]>;
  revoke(id: string): Promise<boolean>;
}

export interface StoreStats {
  reports: number;
  queued: number;
  incidents: number;
  findings: number;
  claims: number;
  sources: number;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** the Kysely instance, for services that need a query the interface lacks */
  readonly db: Kysely<Database>;
  close(): Promise<void>;
  stats(): Promise<StoreStats>;

  // ---- incidents -------------------------------------------------------------------------------
  /**
   * Incidents matching `filter`, newest first, cursor-paginated. `within` is applied after the SQL
   * filters (the caller passes a point-in-zone test for `filter.zone`, and narrows `bbox` to the
   * zone's bounding box); pages stay full.
   */
  listIncidents(
    filter: IncidentFilter,
    page?: PageInput,
    opts?: { within?: (lon: number, lat: number) => boolean },
  ): Promise<Page<IncidentSummary>>;
  /** One incident with its reports, sources, findings, claims and review history. */
  getIncident(id: string): Promise<IncidentDetail | undefined>;
  /** Incidents whose verdicts must be recomputed (evidence changed), oldest first. */
  listStaleIncidents(limit: number): Promise<IncidentSummary[]>;
  /** Mark incidents for recomputation (all in the time range when `ids` is absent). */
  markStale(opts: { ids?: string[]; from?: number; to?: number }): Promise<number>;

  // ---- reports and sources ----------------------------------------------------------------------
  listReports(filter: ReportFilter, page?: PageInput): Promise<Page<ReportRecord>>;
  getReport(id: string): Promise<ReportRecord | undefined>;
  /**
   * Store reports idempotently (content hash) and cluster the new ones into incidents, in one
   * transaction. Returns what was new. `queue: true` only enqueues (for `truce worker`).
   */
  addReports(reports: ReportInput[], opts?: { queue?: boolean; actor?: string }): Promise<AddReportsResult>;
  /**
   * The bulk ingestion path: decoded columnar batches (src/store/bulk-batch.ts) stored and
   * clustered in one transaction, as the iterable yields them, with the same ids, content hashes
   * and clustering as `addReports` of their rows. Unknown sources in `newSources` are registered.
   */
  addReportBatches(batches: AsyncIterable<ReportBatch>): Promise<Omit<AddReportsResult, 'reportIds'>>;
  /** The source names and ratings known now, for a reader building batches in another thread. */
  sourceSnapshot(): Promise<SourceSnapshot>;
  /** One report by hand (API, analyst), audited; clustered at once. */
  submitReport(report: ReportInput, actor: string): Promise<{ report: ReportRecord; created: boolean }>;
  /**
   * Claim up to `limit` queued reports, cluster them and mark them processed, in one transaction
   * (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so concurrent workers never take the same report).
   * Returns how many were processed (0 when the queue is empty).
   */
  processQueue(limit: number, workerId?: string): Promise<number>;
  listSources(): Promise<SourceRecord[]>;
  /** Insert or update outlet ratings (from sources.yaml); recomputes confidence of their incidents. */
  upsertSources(sources: SourceInput[]): Promise<void>;

  // ---- findings and compliance -------------------------------------------------------------------
  listFindings(filter: FindingFilter, page?: PageInput): Promise<Page<FindingRecord>>;
  /** Replace all computed findings of these incidents (overrides are kept) and clear their stale flag. */
  replaceFindings(incidentIds: string[], findings: Finding[]): Promise<void>;
  complianceSummary(
    agreementId: string,
    opts?: { from?: number; to?: number; period?: 'day' | 'month' },
  ): Promise<ComplianceRow[]>;

  // ---- claims and agreement status ---------------------------------------------------------------
  listClaims(
    filter: { agreement?: string; incident?: string; kind?: ClaimKind },
    page?: PageInput,
  ): Promise<Page<ClaimRecord>>;
  addClaim(claim: ClaimInput, actor: string): Promise<ClaimRecord>;
  /** The agreement's public status over time, derived from its claims (see docs/store.md). */
  agreementStatus(agreementId: string): Promise<StatusPoint[]>;

  // ---- review (every call is audited; errors are ReviewError) -----------------------------------
  lockIncident(id: string, analyst: string): Promise<IncidentSummary>;
  unlockIncident(id: string, analyst: string): Promise<IncidentSummary>;
  /** Only the analyst holding the lock; `duplicate` needs `duplicateOf`. */
  reviewIncident(
    id: string,
    analyst: string,
    outcome: ReviewOutcome,
    opts?: { note?: string; duplicateOf?: string },
  ): Promise<IncidentSummary>;
  overrideVerdict(input: {
    incident: string;
    agreement: string;
    verdict: Verdict;
    justification: string;
    analyst: string;
  }): Promise<FindingRecord>;
  clearOverride(input: {
    incident: string;
    agreement: string;
    justification: string;
    analyst: string;
  }): Promise<FindingRecord>;
  listAudit(filter: AuditFilter, page?: PageInput): Promise<Page<AuditEntry>>;

  // ---- API tokens (hashed) -----------------------------------------------------------------------
  readonly tokens: TokenRepository;
}

export interface AddReportsResult {
  /** reports stored now (the rest were already there) */
  inserted: number;
  duplicates: number;
  /** incidents created / grown by this call */
  incidentsCreated: number;
  incidentsUpdated: number;
  /** ids of new reports, in input order */
  reportIds: string[];
}

export { openStore } from './open-store.js';
