/**
 * Agreements as data (formats.md §3): parties, guarantors, excluded groups, time in force,
 * zones, rules, amendments and milestones. The schema is strict: an unknown field is an
 * error (a monitor's typo must not silently change a verdict).
 */
import { z } from 'zod';
import { actorId } from './actor.js';
import { timeValue } from './time-value.js';
import { zoneSchema } from './zone.js';

export const zoneId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a zone id is a slug');
export const ruleId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a rule id is a slug');

/** A party entry: an actor id, or `{id, from, until}` for a party that joins or leaves. */
export const partyEntry = z.union([
  actorId,
  z.object({ id: actorId, from: timeValue.optional(), until: timeValue.optional() }).strict(),
]);
export type PartyEntry = z.infer<typeof partyEntry>;

export const RULE_KINDS = [
  'cessation',
  'withdrawal',
  'joint_patrol',
  'humanitarian_access',
  'phase',
  'strike_zone',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Fields every rule may carry: the clause it enforces (cited in every finding) and a note. */
const ruleMeta = {
  id: ruleId,
  clause: z.string().optional(),
  document: z.number().int().nonnegative().optional(),
  note: z.string().optional(),
};

export const cessationRule = z.object({ ...ruleMeta, kind: z.literal('cessation'), where: zoneId.optional() }).strict();
export const withdrawalRule = z
  .object({
    ...ruleMeta,
    kind: z.literal('withdrawal'),
    who: z.array(actorId).min(1),
    what: z.string().min(1),
    from: zoneId,
    by: timeValue,
  })
  .strict();
export const jointPatrolRule = z
  .object({
    ...ruleMeta,
    kind: z.literal('joint_patrol'),
    who: z.array(actorId).min(1),
    where: zoneId,
    /** extension: first patrol due by this time, and the expected interval between patrols */
    by: timeValue.optional(),
    every_days: z.number().positive().optional(),
  })
  .strict();
export const humanitarianAccessRule = z
  .object({
    ...ruleMeta,
    kind: z.literal('humanitarian_access'),
    where: zoneId,
    who: z.array(actorId).optional(),
    by: timeValue.optional(),
  })
  .strict();
export const phaseRule = z
  .object({
    ...ruleMeta,
    kind: z.literal('phase'),
    after_quiet_days: z.number().int().positive(),
    quiet_parties: z.array(actorId).min(1),
    enables: z.array(ruleId).min(1),
  })
  .strict();
export const strikeZoneRule = z.object({ ...ruleMeta, kind: z.literal('strike_zone'), where: zoneId }).strict();

export const ruleSchema = z.discriminatedUnion('kind', [
  cessationRule,
  withdrawalRule,
  jointPatrolRule,
  humanitarianAccessRule,
  phaseRule,
  strikeZoneRule,
]);
export type Rule = z.infer<typeof ruleSchema>;

/** An amendment's rule entry: `id` plus the fields it changes, or a whole new rule. */
export const ruleChange = z.object({ id: ruleId }).catchall(z.unknown());

export const documentSchema = z
  .object({
    title: z.string().min(1),
    url: z.string().optional(),
    published: timeValue.optional(),
    note: z.string().optional(),
  })
  .strict();

export const guarantorSchema = z.object({ actor: actorId, answers_for: z.array(actorId) }).strict();

export const amendmentSchema = z
  .object({
    from: timeValue,
    document: documentSchema.optional(),
    rules: z.array(ruleChange).optional(),
    zones: z.record(zoneId, zoneSchema).optional(),
    parties: z
      .object({
        bound_add: z.array(partyEntry).optional(),
        bound_remove: z.array(actorId).optional(),
        excluded_add: z.array(partyEntry).optional(),
        excluded_remove: z.array(actorId).optional(),
        guarantors_add: z.array(guarantorSchema).optional(),
      })
      .strict()
      .optional(),
    note: z.string().optional(),
  })
  .strict();
export type Amendment = z.infer<typeof amendmentSchema>;

export const MILESTONE_STATUSES = ['planned', 'held', 'postponed', 'cancelled'] as const;

export const agreementSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an agreement id is a lowercase slug'),
    title: z.string().min(1),
    short_name: z.string().optional(),
    country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code, e.g. SY'),
    signed: timeValue.optional(),
    in_force: z.object({ from: timeValue, until: timeValue.optional() }).strict(),
    tz: z.string().min(1),
    documents: z.array(documentSchema).optional(),
    parties: z
      .object({
        bound: z.array(partyEntry),
        guarantors: z.array(guarantorSchema).optional(),
        excluded: z.array(partyEntry).optional(),
        excluded_affiliates: z.boolean().optional(),
      })
      .strict(),
    zones: z.record(zoneId, zoneSchema).optional(),
    rules: z.array(ruleSchema).optional(),
    amendments: z.array(amendmentSchema).optional(),
    milestones: z
      .array(
        z
          .object({ date: timeValue, title: z.string().min(1), status: z.enum(MILESTONE_STATUSES), note: z.string().optional() })
          .strict(),
      )
      .optional(),
    note: z.string().optional(),
    sources: z.array(z.string()).optional(),
  })
  .strict();
export type Agreement = z.infer<typeof agreementSchema>;
