import { z } from '@hono/zod-openapi';
import { VERDICTS } from '../../domain/finding.js';
import { csvList, cursorParam, isoInstant, limitParam } from './common.js';

export const findingListQuery = z.object({
  agreement: z.string().optional(),
  verdict: csvList(z.enum(VERDICTS)).openapi({
    type: 'string',
    description: `one or more of ${VERDICTS.join(', ')} (default: all but not_applicable)`,
  }),
  party: z.string().optional().openapi({ description: 'the actor the verdict is attributed to' }),
  answerable: z.string().optional().openapi({ description: 'the guarantor named as answerable' }),
  rule: z.string().optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  limit: limitParam,
  cursor: cursorParam,
});
export type FindingListQuery = z.infer<typeof findingListQuery>;
