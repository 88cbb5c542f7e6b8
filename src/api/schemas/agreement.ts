/** Agreement resources: the agreement as data, with its status, obligations and claims. */
import { z } from '@hono/zod-openapi';
import { featureCollection } from './common.js';

export const actorRef = z.object({ id: z.string(), name: z.string(), kind: z.string().nullable() }).openapi('ActorRef');

const partyPeriod = actorRef.extend({
  from: z.string().nullable().openapi({ description: 'joined at (null: from the start)' }),
  until: z.string().nullable().openapi({ description: 'left at (null: still a party)' }),
});

export const agreementSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    short_name: z.string().nullable(),
    country: z.string(),
    signed: z.string().nullable(),
    in_force: z.object({ from: z.string(), until: z.string().nullable() }),
    tz: z.string(),
    status: z.enum(['not_yet_in_force', 'in_force', 'ended']).openapi({ description: 'status now' }),
    counts: z.object({
      bound: z.number().int(),
      guarantors: z.number().int(),
      excluded: z.number().int(),
      rules: z.number().int(),
      zones: z.number().int(),
    }),
  })
  .openapi('AgreementSummary');

export const ruleOut = z
  .object({
    id: z.string(),
    kind: z.string(),
    clause: z.string().nullable().openapi({ description: 'the clause of the agreement this rule enforces' }),
    note: z.string().nullable(),
    spec: z
      .record(z.string(), z.any())
      .openapi({ description: 'the rule as written in the workspace (where, who, what, from, by, enables…)' }),
    amended_by: z
      .array(z.string())
      .openapi({ description: '`from` instants of amendments that changed or added this rule' }),
  })
  .openapi('Rule');

export const obligationOut = z
  .object({
    rule: z.string(),
    kind: z.string(),
    clause: z.string().nullable(),
    who: z.array(z.string()),
    description: z.string(),
    due: z.string().nullable().openapi({ description: 'deadline (UTC ISO), as amended before it passed' }),
    status: z.string().openapi({ description: 'pending | met | missed | unknown (from adjudication)' }),
    reasons: z.array(z.string()),
  })
  .openapi('Obligation');

export const statusPeriod = z
  .object({
    from: z.string(),
    until: z.string().nullable(),
    status: z.string().openapi({ description: 'e.g. not_yet_in_force, in_force, phase:<rule> completed, ended' }),
    note: z.string().nullable(),
  })
  .openapi('StatusPeriod');

export const claimOut = z
  .object({
    id: z.string(),
    agreement: z.string().nullable(),
    actor: z.string().nullable(),
    kind: z.string().openapi({ description: 'claim | denial | accusation | commitment …' }),
    text: z.string(),
    date: z.string().nullable(),
    source: z
      .object({ outlet: z.string().nullable(), url: z.string().nullable(), title: z.string().nullable() })
      .nullable(),
    incident: z.string().nullable(),
  })
  .openapi('Claim');

export const agreementDetail = agreementSummary
  .extend({
    documents: z.array(z.object({ title: z.string(), url: z.string().nullable(), published: z.string().nullable() })),
    parties: z.object({
      bound: z.array(partyPeriod),
      guarantors: z.array(actorRef.extend({ answers_for: z.array(z.string()) })),
      excluded: z.array(partyPeriod),
      excluded_affiliates: z.boolean(),
    }),
    rules: z.array(ruleOut),
    zones: featureCollection.openapi({
      description:
        'every zone as a GeoJSON Feature (id = zone id, properties.form = file|polygon|buffer|country|admin)',
    }),
    amendments: z.array(
      z.object({
        from: z.string(),
        document: z.string().nullable(),
        note: z.string().nullable(),
        changes: z.array(z.string()),
      }),
    ),
    milestones: z.array(
      z.object({ date: z.string(), title: z.string(), status: z.string(), note: z.string().nullable() }),
    ),
    status_history: z.array(statusPeriod),
    obligations: z.array(obligationOut),
    claims: z.array(claimOut),
  })
  .openapi('AgreementDetail');
export type AgreementDetail = z.infer<typeof agreementDetail>;
export type AgreementSummary = z.infer<typeof agreementSummary>;
