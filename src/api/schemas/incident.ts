/**
 * Incident resources as the API shows them: a summary for lists and maps, a detail with the
 * evidence behind it (reports with quoted spans, sources), the verdicts with reasons and the
 * review history.
 */
import { z } from '@hono/zod-openapi';
import { VERDICTS } from '../../domain/finding.js';
import { REVIEW_STATES } from '../../store/records.js';

export const verdictEnum = z.enum(VERDICTS);

export { REVIEW_STATES };
export const reviewStateEnum = z
  .enum(REVIEW_STATES)
  .openapi({ description: 'reported -> under_review (locked) -> verified | duplicate | unverifiable | rejected' });

export const verdictSummary = z
  .object({
    agreement: z.string(),
    verdict: verdictEnum,
    rule: z.string().nullable(),
    party: z.string().nullable(),
    answerable: z.string().nullable(),
    overridden: z.boolean().openapi({ description: 'an analyst overrode the computed verdict' }),
  })
  .openapi('VerdictSummary');

export const incidentSummary = z
  .object({
    id: z.string(),
    when: z.string().openapi({ description: 'as reported: an instant or a partial date' }),
    when_start: z.string().openapi({ description: 'start of the when interval, UTC ISO' }),
    when_end: z.string().openapi({ description: 'end of the when interval (exclusive), UTC ISO' }),
    where: z.object({
      lat: z.number().nullable(),
      lon: z.number().nullable(),
      precision_km: z.number().nullable(),
      name: z.string().nullable(),
      admin1: z.string().nullable(),
      admin2: z.string().nullable(),
      admin: z.string().nullable().openapi({ description: 'the finest admin code known (admin2, else admin1)' }),
    }),
    type: z.string(),
    hostile: z.boolean(),
    by: z.string().nullable(),
    against: z.string().nullable(),
    fatalities: z.number().int().nullable().openapi({ description: 'total fatalities when reported' }),
    description: z.string().nullable(),
    report_count: z.number().int(),
    source_count: z.number().int().openapi({ description: 'distinct sources among the reports' }),
    confidence: z.number().openapi({ description: '0..1, from the reliability of the sources' }),
    review_state: reviewStateEnum,
    verdict: verdictEnum.nullable().openapi({
      description: 'the gravest verdict over all agreements (violation > undetermined > permitted > not_applicable)',
    }),
    verdicts: z.array(verdictSummary),
  })
  .openapi('IncidentSummary');
export type IncidentSummary = z.infer<typeof incidentSummary>;

export const evidenceSpan = z
  .object({
    field: z
      .string()
      .openapi({ description: 'which incident field the quote supports: when, where, by, against, type, fatalities…' }),
    start: z.number().int().min(0).openapi({ description: 'UTF-16 offset in the report text' }),
    end: z.number().int().min(0),
    quote: z.string(),
  })
  .openapi('EvidenceSpan');

export const sourceRef = z
  .object({
    id: z.string(),
    name: z.string(),
    reliability: z.string().nullable(),
    kind: z.string().nullable(),
    url: z.string().nullable(),
  })
  .openapi('SourceRef');

export const findingSchema = z
  .object({
    incident: z.string(),
    agreement: z.string(),
    verdict: verdictEnum,
    rule: z.string().nullable(),
    clause: z.string().nullable(),
    party: z.string().nullable(),
    answerable: z.string().nullable(),
    reasons: z.array(z.string()),
    overridden: z.boolean(),
    computed_verdict: verdictEnum
      .nullable()
      .openapi({ description: 'the verdict adjudication computed, when an analyst overrode it' }),
    justification: z.string().nullable(),
  })
  .openapi('Finding');
export type FindingOut = z.infer<typeof findingSchema>;

export const reviewEvent = z
  .object({
    at: z.string(),
    action: z.string(),
    by: z.string().nullable().openapi({ description: 'name of the API token that acted' }),
    justification: z.string().nullable(),
    details: z.record(z.string(), z.any()).nullable(),
  })
  .openapi('ReviewEvent');

export const reportRef = z
  .object({
    id: z.string(),
    format: z.string(),
    sources: z.array(z.string()).openapi({ description: 'source ids' }),
    title: z.string().nullable(),
    outlet: z.string().nullable().openapi({ description: 'name of the first source' }),
    url: z.string().nullable(),
    when: z.string().nullable(),
    published: z.string().nullable().openapi({ description: 'publication date when the submitter gave one' }),
    ingested_at: z.string(),
    text: z
      .string()
      .nullable()
      .openapi({ description: 'the report text (text reports) or the description; render as text, never as HTML' }),
    evidence: z.array(evidenceSpan),
  })
  .openapi('ReportWithEvidence');

export const incidentDetail = incidentSummary
  .extend({
    sources: z.array(sourceRef),
    reports: z.array(reportRef),
    findings: z.array(findingSchema),
    claims: z.array(
      z.object({
        id: z.string(),
        agreement: z.string(),
        kind: z.string(),
        claimant: z.string().nullable(),
        text: z.string().nullable(),
        at: z.string(),
      }),
    ),
    review: z.object({
      state: reviewStateEnum,
      locked_by: z.string().nullable(),
      duplicate_of: z.string().nullable(),
      history: z.array(reviewEvent),
    }),
  })
  .openapi('IncidentDetail');
export type IncidentDetail = z.infer<typeof incidentDetail>;
