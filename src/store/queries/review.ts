/**
 * The review workflow: reported -> under_review (locked by one analyst) -> verified | duplicate |
 * unverifiable | rejected, verdict overrides with a justification, and the append-only audit log
 * every change writes to (in the same transaction as the change). Locks are taken with a
 * conditional UPDATE, which is atomic on both dialects: of two analysts racing, one wins.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Verdict } from '../../domain/finding.js';
import { VERDICTS } from '../../domain/finding.js';
import type { AuditEntry, FindingRecord, IncidentSummary, Page, ReviewOutcome } from '../records.js';
import { REVIEW_OUTCOMES } from '../records.js';
import type { Database } from '../schema.js';
import { type AuditFilter, ReviewError } from '../store-errors.js';
import type { PageInput } from '../incident-filter.js';
import { toAudit, toFinding, toIncident } from './mappers.js';
import { nextCursor, pageOf } from './page.js';

export async function audit(
  db: Kysely<Database> | Transaction<Database>,
  e: { actor: string; action: string; entity_type: string; entity_id: string; before?: unknown; after?: unknown; justification?: string | null },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: Date.now(),
      actor: e.actor,
      action: e.action,
      entity_type: e.entity_type,
      entity_id: e.entity_id,
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
      justification: e.justification ?? null,
    })
    .execute();
}

const reviewView = (r: { review_state: string; locked_by: string | null; duplicate_of: string | null }) => ({
  review_state: r.review_state,
  locked_by: r.locked_by,
  duplicate_of: r.duplicate_of,
});

async function loadIncident(trx: Transaction<Database>, id: string) {
  const row = await trx.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ReviewError(`no incident ${id}`, 'not_found');
  return row;
}

function requireAnalyst(analyst: string): void {
  if (!analyst?.trim()) throw new ReviewError('an analyst name is required', 'invalid_input');
}

export async function lockIncident(db: Kysely<Database>, id: string, analyst: string): Promise<IncidentSummary> {
  requireAnalyst(analyst);
  return db.transaction().execute(async (trx) => {
    const before = await loadIncident(trx, id);
    const res = await trx
      .updateTable('incidents')
      .set({ review_state: 'under_review', locked_by: analyst, locked_at: Date.now() })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('locked_by', 'is', null), eb('locked_by', '=', analyst)]))
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) {
      const now = await loadIncident(trx, id);
      throw new ReviewError(`incident ${id} is locked by ${now.locked_by}`, 'locked');
    }
    const after = await loadIncident(trx, id);
    if (before.locked_by !== analyst) {
      await audit(trx, { actor: analyst, action: 'lock', entity_type: 'incident', entity_id: id, before: reviewView(before), after: reviewView(after) });
    }
    return toIncident(after);
  });
}

export async function unlockIncident(db: Kysely<Database>, id: string, analyst: string): Promise<IncidentSummary> {
  requireAnalyst(analyst);
  return db.transaction().execute(async (trx) => {
    const before = await loadIncident(trx, id);
    if (before.locked_by !== analyst) {
      throw new ReviewError(before.locked_by ? `incident ${id} is locked by ${before.locked_by}` : `incident ${id} is not locked`, before.locked_by ? 'locked' : 'not_locked');
    }
    // back to the state the incident had when it was locked
    const lock = await trx
      .selectFrom('audit_log')
      .select('before')
      .where('entity_type', '=', 'incident')
      .where('entity_id', '=', id)
      .where('action', '=', 'lock')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const prev = lock?.before ? (JSON.parse(lock.before) as { review_state?: string }).review_state : undefined;
    const state = prev && prev !== 'under_review' ? prev : 'reported';
    await trx.updateTable('incidents').set({ review_state: state, locked_by: null, locked_at: null }).where('id', '=', id).execute();
    const after = await loadIncident(trx, id);
    await audit(trx, { actor: analyst, action: 'unlock', entity_type: 'incident', entity_id: id, before: reviewView(before), after: reviewView(after) });
    return toIncident(after);
  });
}

export async function reviewIncident(
  db: Kysely<Database>,
  id: string,
  analyst: string,
  outcome: ReviewOutcome,
  opts: { note?: string; duplicateOf?: string } = {},
): Promise<IncidentSummary> {
  requireAnalyst(analyst);
  if (!REVIEW_OUTCOMES.includes(outcome)) throw new ReviewError(`unknown review outcome ${outcome}`, 'invalid_input');
  if (outcome === 'duplicate' && !opts.duplicateOf) throw new ReviewError('a duplicate needs the incident it duplicates (duplicateOf)', 'invalid_input');
  if (opts.duplicateOf === id) throw new ReviewError('an incident cannot duplicate itself', 'invalid_input');
  return db.transaction().execute(async (trx) => {
    const before = await loadIncident(trx, id);
    if (before.review_state !== 'under_review' || before.locked_by !== analyst) {
      throw new ReviewError(
        before.locked_by && before.locked_by !== analyst ? `incident ${id} is locked by ${before.locked_by}` : `lock incident ${id} before reviewing it`,
        before.locked_by && before.locked_by !== analyst ? 'locked' : 'not_locked',
      );
    }
    if (opts.duplicateOf) {
      const target = await trx.selectFrom('incidents').select('id').where('id', '=', opts.duplicateOf).executeTakeFirst();
      if (!target) throw new ReviewError(`no incident ${opts.duplicateOf} to be a duplicate of`, 'not_found');
    }
    await trx
      .updateTable('incidents')
      .set({ review_state: outcome, locked_by: null, locked_at: null, duplicate_of: outcome === 'duplicate' ? opts.duplicateOf! : null, updated_at: Date.now() })
      .where('id', '=', id)
      .execute();
    const after = await loadIncident(trx, id);
    await audit(trx, {
      actor: analyst,
      action: `review:${outcome}`,
      entity_type: 'incident',
      entity_id: id,
      before: reviewView(before),
      after: reviewView(after),
      justification: opts.note ?? null,
    });
    return toIncident(after);
  });
}

export async function setOverride(
  db: Kysely<Database>,
  input: { incident: string; agreement: string; verdict: Verdict | null; justification: string; analyst: string },
): Promise<FindingRecord> {
  requireAnalyst(input.analyst);
  if (!input.justification?.trim()) throw new ReviewError('an override needs a justification', 'invalid_input');
  if (input.verdict !== null && !VERDICTS.includes(input.verdict)) throw new ReviewError(`unknown verdict ${input.verdict}`, 'invalid_input');
  return db.transaction().execute(async (trx) => {
    const inc = await loadIncident(trx, input.incident);
    if (inc.locked_by && inc.locked_by !== input.analyst) throw new ReviewError(`incident ${input.incident} is locked by ${inc.locked_by}`, 'locked');
    const read = () =>
      trx.selectFrom('findings').selectAll().where('incident_id', '=', input.incident).where('agreement_id', '=', input.agreement);
    const before = await read().executeTakeFirst();
    if (!before) throw new ReviewError(`no finding of agreement ${input.agreement} on incident ${input.incident}`, 'not_found');
    const now = Date.now();
    await trx
      .updateTable('findings')
      .set(
        input.verdict === null
          ? { override_verdict: null, override_justification: null, override_by: null, override_at: null }
          : { override_verdict: input.verdict, override_justification: input.justification, override_by: input.analyst, override_at: now },
      )
      .where('incident_id', '=', input.incident)
      .where('agreement_id', '=', input.agreement)
      .execute();
    const after = await read().executeTakeFirstOrThrow();
    const view = (f: typeof after) => ({ agreement: f.agreement_id, verdict: f.verdict, override_verdict: f.override_verdict });
    await audit(trx, {
      actor: input.analyst,
      action: input.verdict === null ? 'clear_override' : 'override_verdict',
      entity_type: 'incident',
      entity_id: input.incident,
      before: view(before),
      after: view(after),
      justification: input.justification,
    });
    return toFinding(after);
  });
}

export async function listAudit(db: Kysely<Database>, f: AuditFilter, page?: PageInput): Promise<Page<AuditEntry>> {
  const { limit, after } = pageOf(page);
  let q = db.selectFrom('audit_log').selectAll();
  if (f.entity_type) q = q.where('entity_type', '=', f.entity_type);
  if (f.entity_id) q = q.where('entity_id', '=', f.entity_id);
  if (f.actor) q = q.where('actor', '=', f.actor);
  if (after) q = q.where('id', '<', Number(after[0]));
  const rows = await q.orderBy('id', 'desc').limit(limit + 1).execute();
  return nextCursor(rows.map(toAudit), limit, (a) => [a.id]);
}
