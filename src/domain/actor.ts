/**
 * The actor registry (formats.md §2). Actors are referred to by a lowercase slug everywhere;
 * membership, affiliation and succession are what make "who is bound" a question of time.
 */
import { z } from 'zod';
import { timeValue } from './time-value.js';

export const ACTOR_KINDS = ['state', 'armed_group', 'coalition', 'international', 'civilians'] as const;
export const actorId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an actor id is a lowercase slug (a-z, 0-9, hyphens)');

/** `civilians` needs no entry in actors.yaml (formats.md §2). */
export const CIVILIANS = 'civilians';

export const membership = z
  .object({
    id: actorId,
    from: timeValue.optional(),
    until: timeValue.optional(),
  })
  .strict();
export type Membership = z.infer<typeof membership>;

export const actorSchema = z
  .object({
    id: actorId,
    name: z.string().min(1),
    kind: z.enum(ACTOR_KINDS),
    aliases: z.array(z.string().min(1)).optional(),
    member_of: z.array(membership).optional(),
    affiliate_of: z.array(actorId).optional(),
    succeeded_by: z.object({ id: actorId, date: timeValue }).strict().optional(),
    // Extensions (formats.md allows added fields): Arabic name, a short description,
    // the period the actor was active, and the sources that justify non-obvious facts.
    name_ar: z.string().optional(),
    description: z.string().optional(),
    country: z.string().optional(),
    active: z.object({ from: timeValue.optional(), until: timeValue.optional() }).strict().optional(),
    /** a descriptor ("regime forces", "unidentified aircraft") rather than an organisation */
    descriptor: z.boolean().optional(),
    sources: z.array(z.string()).optional(),
  })
  .strict();
export type Actor = z.infer<typeof actorSchema>;

export const actorsFileSchema = z.array(actorSchema);
