/**
 * The tables, as Kysely sees them. Portable column types only (text, bigint, integer, double),
 * so one migration serves SQLite and PostgreSQL: times are epoch milliseconds (bigint), booleans
 * 0/1 integers, JSON is text. Table-by-table notes are in docs/store.md.
 */
import type { Generated } from 'kysely';

export interface SourcesTable {
  id: string;
  name: string;
  reliability: string | null;
  weight: number;
  kind: string | null;
  url: string | null;
  /** JSON array of alternative names */
  aliases: string;
  report_count: number;
}

export interface ReportsTable {
  /** `rp-` + the first 24 hex digits of content_hash */
  id: string;
  content_hash: string;
  format: string;
  external_id: string | null;
  file: string | null;
  line: number | null;
  /** JSON array of source ids */
  source_ids: string;
  url: string | null;
  at_text: string | null;
  t_start: number | null;
  t_end: number | null;
  lat: number | null;
  lon: number | null;
  precision_km: number | null;
  place: string | null;
  admin1: string | null;
  admin2: string | null;
  type: string | null;
  by_actor: string | null;
  against_actor: string | null;
  /** JSON array of actor names the registry did not match */
  unmatched: string;
  fatalities: number | null;
  description: string | null;
  /** queued | processed | failed */
  status: string;
  incident_id: string | null;
  ingested_at: number;
  processed_at: number | null;
  /** JSON of the producer's record */
  payload: string;
}

export interface IncidentsTable {
  id: string;
  at_text: string;
  t_start: number;
  t_end: number;
  lat: number | null;
  lon: number | null;
  precision_km: number | null;
  place: string | null;
  admin1: string | null;
  admin2: string | null;
  type: string;
  by_actor: string | null;
  against_actor: string | null;
  fatalities: number | null;
  description: string | null;
  report_count: number;
  source_count: number;
  source_ids: string;
  confidence: number;
  review_state: string;
  locked_by: string | null;
  locked_at: number | null;
  duplicate_of: string | null;
  /** 1 when findings must be recomputed */
  stale: number;
  /** JSON object of extra formats.md fields carried from the founding report (e.g. evidence) */
  extra: string;
  created_at: number;
  updated_at: number;
}

/**
 * Columns of `incidents` that only the database writes (triggers on findings, migration 0004); kept
 * out of IncidentsTable, the row shape the write paths build, so that they never write them.
 */
export interface IncidentReadModel {
  /** effective verdicts over all agreements, one bit each (VERDICT_BITS) */
  verdict_mask: Generated<number | null>;
  /** the verdicts as the incident list shows them, JSON */
  list_verdicts: Generated<string | null>;
}

/** Effective verdicts per agreement, UTC day, party, answerable and rule (kept by triggers, migration 0004; '' for NULL keys). */
export interface ComplianceDaysTable {
  agreement_id: string;
  day: number;
  verdict: string;
  party: string;
  answerable: string;
  rule: string;
  n: number;
}

export interface FindingsTable {
  incident_id: string;
  agreement_id: string;
  verdict: string;
  rule: string | null;
  clause: string | null;
  party: string | null;
  answerable: string | null;
  reasons: string;
  sources: string;
  t_start: number;
  computed_at: number;
  override_verdict: string | null;
  override_justification: string | null;
  override_by: string | null;
  override_at: number | null;
}

export interface ClaimsTable {
  id: string;
  agreement_id: string;
  incident_id: string | null;
  report_id: string | null;
  kind: string;
  claimant: string | null;
  subject: string | null;
  at_ms: number;
  at_text: string;
  text: string | null;
  source_id: string | null;
  url: string | null;
  created_by: string;
  created_at: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  justification: string | null;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  role: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface AgreementDigestsTable {
  agreement_id: string;
  /** SHA-256 of the agreement as loaded (amendments and zone geometry included) */
  digest: string;
  t_from: number;
  t_until: number | null;
  updated_at: number;
}

export interface Database {
  agreement_digests: AgreementDigestsTable;
  sources: SourcesTable;
  reports: ReportsTable;
  incidents: IncidentsTable & IncidentReadModel;
  findings: FindingsTable;
  compliance_days: ComplianceDaysTable;
  claims: ClaimsTable;
  audit_log: AuditLogTable;
  api_tokens: ApiTokensTable;
}

/** Column order of the bulk paths (COPY / multi-row INSERT); keep in step with the tables above. */
export const REPORT_COLUMNS = [
  'id', 'content_hash', 'format', 'external_id', 'file', 'line', 'source_ids', 'url', 'at_text', 't_start', 't_end',
  'lat', 'lon', 'precision_km', 'place', 'admin1', 'admin2', 'type', 'by_actor', 'against_actor', 'unmatched',
  'fatalities', 'description', 'status', 'incident_id', 'ingested_at', 'processed_at', 'payload',
] as const satisfies readonly (keyof ReportsTable)[];

export const INCIDENT_COLUMNS = [
  'id', 'at_text', 't_start', 't_end', 'lat', 'lon', 'precision_km', 'place', 'admin1', 'admin2', 'type', 'by_actor',
  'against_actor', 'fatalities', 'description', 'report_count', 'source_count', 'source_ids', 'confidence',
  'review_state', 'locked_by', 'locked_at', 'duplicate_of', 'stale', 'extra', 'created_at', 'updated_at',
] as const satisfies readonly (keyof IncidentsTable)[];

export type ReportRow = ReportsTable;
export type IncidentRow = IncidentsTable;
