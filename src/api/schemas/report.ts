/** Reports (texts that evidence incidents) and their sources; submitting a report ingests it. */
import { z } from '@hono/zod-openapi';
import { cursorParam, isoInstant, limitParam } from './common.js';
import { REPORT_FORMATS } from '../../store/records.js';
import { evidenceSpan, findingSchema, incidentSummary } from './incident.js';

export const reportSummary = z
  .object({
    id: z.string(),
    format: z.string().openapi({ description: 'text | jsonl | acled | ucdp | manual' }),
    title: z.string().nullable(),
    sources: z.array(z.string()).openapi({ description: 'source ids' }),
    url: z.string().nullable(),
    when: z.string().nullable().openapi({ description: 'the time the report gives for its event' }),
    status: z.string().openapi({ description: 'queued | processed | failed' }),
    incident: z.string().nullable().openapi({ description: 'the incident this report was clustered into' }),
    submitted_by: z.string().nullable(),
    ingested_at: z.string(),
  })
  .openapi('ReportSummary');

export const reportDetail = reportSummary
  .extend({
    text: z.string().nullable().openapi({ description: 'render as text, never as HTML' }),
    description: z.string().nullable(),
    evidence: z.array(evidenceSpan),
  })
  .openapi('ReportDetail');

export const reportListQuery = z.object({
  incident: z.string().optional().openapi({ description: 'reports of this incident' }),
  source: z.string().optional().openapi({ description: 'source id' }),
  format: z.enum(REPORT_FORMATS).optional(),
  status: z.enum(['queued', 'processed', 'failed']).optional(),
  limit: limitParam,
  cursor: cursorParam,
});

export type ReportListQuery = z.infer<typeof reportListQuery>;

export const submitReportBody = z
  .object({
    text: z.string().trim().min(20, 'a report needs at least 20 characters of text').max(200_000),
    title: z.string().max(500).optional(),
    outlet: z.string().max(200).optional().openapi({ description: 'source name (matched to sources.yaml)' }),
    url: z.string().url().max(2000).optional(),
    published: isoInstant.optional().openapi({ description: 'publication date; anchors relative dates in the text' }),
    language: z.string().max(10).optional(),
  })
  .strict()
  .openapi('SubmitReport');
export type SubmitReportBody = z.infer<typeof submitReportBody>;

export const submitReportResult = z
  .object({
    report: reportSummary,
    created: z.boolean().openapi({ description: 'false when the same text was already stored (idempotent)' }),
    incidents: z.array(incidentSummary),
    findings: z.array(findingSchema),
  })
  .openapi('SubmitReportResult');

export const sourceOut = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string().nullable(),
    url: z.string().nullable(),
    reliability: z.string().nullable().openapi({ description: 'Admiralty grade A..F' }),
    weight: z.number(),
    report_count: z.number().int(),
  })
  .openapi('Source');
