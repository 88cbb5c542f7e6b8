/**
 * The optional `obligation` field of an incident (formats.md §8): what an observation says about an
 * obligation, so that `truce obligations` can decide withdrawals, patrols and humanitarian access.
 * It lives here rather than in domain/incident.ts because incidents keep unknown fields
 * (passthrough) and only obligation tracking reads this one.
 */
import { z } from 'zod';
import { actorId } from '../../domain/actor.js';

export const EVIDENCE_KINDS = [
  'withdrawal_reported', // the actor says or is seen to have withdrawn `what` from the zone
  'weapons_present', // `what` (default heavy_weapons) seen inside the zone
  'forces_present', // the actor's forces seen inside the zone
  'patrol_conducted',
  'patrol_cancelled',
  'access_granted',
  'access_denied',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const obligationEvidenceSchema = z
  .object({
    kind: z.enum(EVIDENCE_KINDS),
    /** weapon class or forces: heavy_weapons, tanks, artillery, mortars, mlrs, all_forces ... */
    what: z.string().min(1).optional(),
    /** the rule this evidence is about, when the reporter knows it */
    rule: z.string().min(1).optional(),
    /** the agreement, when the reporter knows it */
    agreement: z.string().min(1).optional(),
    /** the actor concerned, when it is not `by` */
    actor: actorId.optional(),
  })
  .strict();
export type ObligationEvidence = z.infer<typeof obligationEvidenceSchema>;
