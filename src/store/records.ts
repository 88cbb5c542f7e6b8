/**
 * What the store hands out and takes in: plain records, independent of the SQL dialect.
 * Times are ISO 8601 strings on the way out (UTC) and epoch milliseconds inside the tables.
 */
import type { Verdict } from '../domain/finding.js';

export const REVIEW_STATES = ['reported', 'under_review', 'verified', 'duplicate', 'unverifiable', 'rejected'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
/** States an analyst holding the lock may move an incident to. */
export const REVIEW_OUTCOMES = ['verified', 'duplicate', 'unverifiable', 'rejected'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export { REPORT_FORMATS, type ReportFormat } from '../domain/report-input.js';
import type { ReportFormat } from '../domain/report-input.js';

export const AGREEMENT_STATUSES = ['announced', 'disputed', 'confirmed', 'collapsed'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
/** What a claim says about an agreement; `violation_alleged` is an accusation that feeds "disputed". */
export const CLAIM_KINDS = ['announced', 'confirmed', 'disputed', 'collapsed', 'violation_alleged', 'denied'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const ROLES = ['viewer', 'monitor', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A source of reports (an outlet, an NGO, a dataset) with its Admiralty-scale rating. */
export interface SourceRecord {
  id: string;
  name: string;
  /** Admiralty / NATO source reliability, A (completely reliable) .. F (cannot be judged) */
  reliability: string | null;
  /** 0..1, derived from the reliability grade; feeds incident confidence */
  weight: number;
  kind: string | null;
  url: string | null;
  report_count: number;
}

/** One report as received, normalised; the raw payload is kept verbatim. */
export interface ReportRecord {
  id: string;
  /** sha256 of the normalised content: the idempotency key */
  content_hash: string;
  format: ReportFormat;
  external_id: string | null;
  file: string | null;
  line: number | null;
  source_ids: string[];
  url: string | null;
  when: string | null;
  t_start: number | null;
  t_end: number | null;
  lat: number | null;
  lon: number | null;
  precision_km: number | null;
  place: string | null;
  admin1: string | null;
  admin2: string | null;
  type: string | null;
  by: string | null;
  against: string | null;
  /** actor names that did not match the registry (kept visible, never dropped) */
  unmatched_actors: string[];
  fatalities: number | null;
  description: string | null;
  status: 'queued' | 'processed' | 'failed';
  incident_id: string | null;
  ingested_at: string;
  processed_at: string | null;
  payload: unknown;
}

export interface IncidentSummary {
  id: string;
  /** formats.md `when` of the best-placed report */
  when: string;
  t_start: number;
  t_end: number;
  lat: number | null;
  lon: number | null;
  precision_km: number | null;
  place: string | null;
  admin1: string | null;
  admin2: string | null;
  type: string;
  by: string | null;
  against: string | null;
  fatalities: number | null;
  description: string | null;
  report_count: number;
  /** distinct sources among the reports (source diversity) */
  source_count: number;
  source_ids: string[];
  /** 0..1, noisy-OR of the source weights */
  confidence: number;
  review_state: ReviewState;
  locked_by: string | null;
  duplicate_of: string | null;
  updated_at: string;
  /** the formats.md §4 incident object, ready for adjudication or export */
  incident: Record<string, unknown>;
}

export interface FindingRecord {
  incident: string;
  agreement: string;
  /** the effective verdict: the override when there is one, else the computed verdict */
  verdict: Verdict;
  computed_verdict: Verdict;
  rule: string | null;
  clause: string | null;
  party: string | null;
  answerable: string | null;
  reasons: string[];
  sources: { outlet?: string; url?: string }[];
  computed_at: string;
  override: { verdict: Verdict; justification: string; by: string; at: string } | null;
  /** incident time, for ordering and compliance series */
  t_start: number;
}

export interface ClaimRecord {
  id: string;
  agreement_id: string;
  incident_id: string | null;
  report_id: string | null;
  kind: ClaimKind;
  /** who makes the claim (actor id or free name) */
  claimant: string | null;
  /** about whom (e.g. the accused party) */
  subject: string | null;
  at: string;
  text: string | null;
  source_id: string | null;
  url: string | null;
  created_by: string;
  created_at: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  justification: string | null;
}

export interface TokenRecord {
  id: string;
  name: string;
  role: Role;
  created_at: string;
  revoked_at: string | null;
}

export interface Page<T> {
  items: T[];
  /** pass back as `cursor` to get the next page; null on the last page */
  next_cursor: string | null;
}

export interface IncidentDetail extends IncidentSummary {
  reports: ReportRecord[];
  sources: SourceRecord[];
  findings: FindingRecord[];
  claims: ClaimRecord[];
  /** every audit entry about this incident, oldest first */
  history: AuditEntry[];
}

export interface StatusPoint {
  at: string;
  status: AgreementStatus;
  /** the claim that moved the status */
  claim_id: string;
}
