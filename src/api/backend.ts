/**
 * What the routes need from the rest of Truce, in the API's own vocabulary. `store-backend.ts`
 * implements it over the store, the workspace and adjudication; keeping the port here means a
 * change in the store's row shapes touches one adapter, not every route.
 */

import type { z } from '@hono/zod-openapi';
import type { TokenRepository } from './auth.js';
import type { AgreementDetail, AgreementSummary, actorRef, claimOut } from './schemas/agreement.js';
import type { ComplianceQuery, ComplianceSeries } from './schemas/compliance.js';
import type { FindingListQuery } from './schemas/finding-query.js';
import type { FindingOut, IncidentDetail, IncidentSummary } from './schemas/incident.js';
import type { IncidentFilterQuery, IncidentListQuery } from './schemas/incident-query.js';
import type {
  ReportListQuery,
  reportDetail,
  reportSummary,
  SubmitReportBody,
  sourceOut,
  submitReportResult,
} from './schemas/report.js';
import type { ReviewAction } from './schemas/review.js';

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export type ReportSummary = z.infer<typeof reportSummary>;
export type ReportDetail = z.infer<typeof reportDetail>;
export type SourceOut = z.infer<typeof sourceOut>;
export type ClaimOut = z.infer<typeof claimOut>;
export type ActorRef = z.infer<typeof actorRef>;

/** Who is acting, for audit trails. */
export interface Actor {
  tokenId: string;
  name: string;
}

export interface ApiBackend {
  tokens: TokenRepository;
  /** throws when the store is unreachable */
  health(): Promise<void>;

  actors(): ActorRef[];
  listAgreements(): AgreementSummary[];
  getAgreement(id: string): Promise<AgreementDetail | undefined>;

  listIncidents(q: IncidentListQuery): Promise<Page<IncidentSummary>>;
  /** the same page as JSON text (what GET /incidents sends; written without building the objects) */
  listIncidentsJson(q: IncidentListQuery): Promise<string>;
  /** every incident matching the filters, in list order, for exports */
  exportIncidents(q: IncidentFilterQuery): AsyncIterable<IncidentSummary>;
  getIncident(id: string): Promise<IncidentDetail | undefined>;
  listFindings(q: FindingListQuery): Promise<Page<FindingOut>>;
  compliance(q: ComplianceQuery): Promise<ComplianceSeries>;

  listReports(q: ReportListQuery): Promise<Page<ReportSummary>>;
  getReport(id: string): Promise<ReportDetail | undefined>;
  submitReport(body: SubmitReportBody, by: Actor): Promise<z.infer<typeof submitReportResult>>;
  listSources(): Promise<SourceOut[]>;

  /** applies a review action and returns the incident after it; throws ApiError conflict_locked/not_found */
  review(incidentId: string, action: ReviewAction, by: Actor): Promise<IncidentDetail>;
}
