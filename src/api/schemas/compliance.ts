/** Compliance time series: violations counted per period and group, beside the previous period. */
import { z } from '@hono/zod-openapi';
import { VERDICTS } from '../../domain/finding.js';
import { csvList, isoInstant } from './common.js';

export const BUCKETS = ['day', 'week', 'month'] as const;
export const GROUPS = ['party', 'guarantor', 'zone', 'agreement'] as const;

export const complianceQuery = z
  .object({
    agreement: z.string().optional().openapi({ description: 'restrict to one agreement' }),
    from: isoInstant.openapi({ description: 'start of the period (inclusive)', example: '2018-09-17' }),
    to: isoInstant.openapi({ description: 'end of the period (exclusive)', example: '2018-12-17' }),
    bucket: z.enum(BUCKETS).default('week').openapi({ description: 'width of each point' }),
    group: z
      .enum(GROUPS)
      .default('party')
      .openapi({ description: 'one series per party (by), guarantor (answerable), zone or agreement' }),
    verdict: csvList(z.enum(VERDICTS)).openapi({ type: 'string', description: 'verdicts counted (default violation)' }),
  })
  .superRefine((q, ctx) => {
    const span = Date.parse(q.to) - Date.parse(q.from);
    if (!(span > 0)) ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` must be after `from`' });
    else if (span > 20 * 366 * 86_400_000)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'the period may span at most 20 years' });
  });
export type ComplianceQuery = z.infer<typeof complianceQuery>;

const point = z.object({
  start: z.string().openapi({ description: 'bucket start, UTC ISO' }),
  count: z.number().int(),
});

export const complianceSeries = z
  .object({
    bucket: z.enum(BUCKETS),
    group: z.enum(GROUPS),
    verdicts: z.array(z.enum(VERDICTS)),
    period: z.object({ from: z.string(), to: z.string() }),
    previous_period: z
      .object({ from: z.string(), to: z.string() })
      .openapi({ description: 'the same length immediately before `period`' }),
    series: z.array(
      z.object({
        key: z
          .string()
          .nullable()
          .openapi({ description: 'party, guarantor, zone or agreement id (null: unattributed)' }),
        label: z.string(),
        total: z.number().int(),
        previous_total: z.number().int(),
        points: z.array(point),
        previous: z
          .array(point)
          .openapi({ description: 'the previous period, bucket by bucket (same number of buckets)' }),
      }),
    ),
  })
  .openapi('ComplianceSeries');
export type ComplianceSeries = z.infer<typeof complianceSeries>;
