/** Review actions on an incident (analyst role). Overrides need a justification, kept in history. */
import { z } from '@hono/zod-openapi';
import { verdictEnum } from './incident.js';

const note = z.string().trim().max(2000).optional();
export const reviewAction = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('lock'), note }).strict(),
    z.object({ action: z.literal('unlock'), note }).strict(),
    z.object({ action: z.literal('verify'), note }).strict(),
    z.object({ action: z.literal('unverifiable'), note }).strict(),
    z.object({ action: z.literal('reject'), note }).strict(),
    z.object({ action: z.literal('duplicate'), duplicate_of: z.string().min(1), note }).strict(),
    z
      .object({
        action: z.literal('override'),
        agreement: z.string().min(1),
        verdict: verdictEnum,
        justification: z
          .string()
          .trim()
          .min(10, 'an override needs a justification of at least 10 characters')
          .max(5000),
      })
      .strict(),
    z
      .object({
        action: z.literal('clear_override'),
        agreement: z.string().min(1),
        justification: z
          .string()
          .trim()
          .min(10, 'clearing an override needs a justification of at least 10 characters')
          .max(5000),
      })
      .strict(),
  ])
  .openapi('ReviewAction');
export type ReviewAction = z.infer<typeof reviewAction>;
export const REVIEW_ACTIONS = [
  'lock',
  'unlock',
  'verify',
  'unverifiable',
  'reject',
  'duplicate',
  'override',
  'clear_override',
] as const;
