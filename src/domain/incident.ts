/**
 * Incidents (formats.md §4): one JSON object per line. Only id, when, where and type are
 * required. Unknown top-level fields are kept (producers such as `truce extract` add evidence).
 */
import { z } from 'zod';
import { actorId } from './actor.js';
import { isTimeString } from './time.js';

export const HOSTILE_TYPES = [
  'armed_clash',
  'government_regains_territory',
  'non_state_actor_overtakes_territory',
  'chemical_weapon',
  'air_drone_strike',
  'suicide_bomb',
  'shelling_artillery_missile_attack',
  'remote_explosive_landmine_ied',
  'grenade',
  'sexual_violence',
  'attack',
  'abduction_forced_disappearance',
  'looting_property_destruction',
] as const;
export type HostileType = (typeof HOSTILE_TYPES)[number];

/** Non-hostile ACLED sub-event types named by formats.md; other snake_case types are accepted too. */
export const OTHER_TYPES = [
  'agreement',
  'arrests',
  'headquarters_or_base_established',
  'non_violent_transfer_of_territory',
  'peaceful_protest',
  'protest_with_intervention',
  'excessive_force_against_protesters',
  'violent_demonstration',
  'mob_violence',
  'disrupted_weapons_use',
  'change_to_group_activity',
  'other',
] as const;

const hostileSet: ReadonlySet<string> = new Set(HOSTILE_TYPES);
export function isHostile(type: string): boolean {
  return hostileSet.has(type);
}

export const whereSchema = z
  .object({
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    precision_km: z.number().min(0).optional(),
    admin: z.string().optional(),
    name: z.string().optional(),
    // extensions written by extraction: the admin units the place falls in
    admin1: z.string().optional(),
    admin2: z.string().optional(),
  })
  .passthrough()
  .superRefine((w, ctx) => {
    if ((w.lat === undefined) !== (w.lon === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'lat and lon go together', path: [w.lat === undefined ? 'lat' : 'lon'] });
    }
    if (w.lat === undefined && w.admin === undefined && w.name === undefined) {
      ctx.addIssue({ code: 'custom', message: 'where needs {lat, lon}, {admin} or {name}' });
    }
  });
export type Where = z.infer<typeof whereSchema>;

/**
 * The optional `obligation` field of an incident (formats.md §8): what an observation says about an
 * obligation (withdrawal, joint patrol, humanitarian access), read by `truce obligations`.
 */
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

const party = z.union([actorId, z.null()]).optional();

export const incidentSchema = z
  .object({
    id: z.union([z.string().min(1), z.number()]).transform(String),
    when: z.string().refine(isTimeString, {
      message: 'expected an ISO 8601 instant or a date (YYYY, YYYY-MM, YYYY-MM-DD)',
    }),
    where: whereSchema,
    type: z.string().regex(/^[a-z][a-z0-9_]*$/, 'type is an ACLED sub-event type in snake_case'),
    by: party,
    against: party,
    fatalities: z
      .object({
        total: z.number().int().min(0).optional(),
        civilians: z.number().int().min(0).optional(),
        children: z.number().int().min(0).optional(),
        low: z.number().int().min(0).optional(),
        high: z.number().int().min(0).optional(),
      })
      .passthrough()
      .optional(),
    sources: z
      .array(z.object({ outlet: z.string().optional(), url: z.string().optional(), title: z.string().optional() }).passthrough())
      .optional(),
    description: z.string().optional(),
    obligation: obligationEvidenceSchema.optional(),
  })
  .passthrough();
export type Incident = z.infer<typeof incidentSchema>;
