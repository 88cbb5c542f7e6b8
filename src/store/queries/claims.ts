/**
 * Claims about agreements (who said what, when) and the agreement's public status derived from
 * them. The derivation is a small state machine over the claims in time order:
 *   announced           -> announced (also a renewed truce after a collapse)
 *   confirmed           -> confirmed, unless collapsed
 *   disputed / denied / violation_alleged -> disputed, unless collapsed
 *   collapsed           -> collapsed
 * Only changes are reported. This mirrors how ceasefire trackers code public status from
 * statements (e.g. the PA-X Peace Agreements Database's "ceasefire status", and Clayton et al.,
 * "Ceasefires in intra-state peace processes", CSS Zurich 2019).
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { parseTime } from '../../domain/time.js';
import type { PageInput } from '../incident-filter.js';
import { type AgreementStatus, CLAIM_KINDS, type ClaimKind, type ClaimRecord, type Page, type StatusPoint } from '../records.js';
import type { Database } from '../schema.js';
import { ReviewError } from '../store-errors.js';
import type { ClaimInput } from '../store.js';
import { toClaim } from './mappers.js';
import { nextCursor, pageOf } from './page.js';
import { audit } from './review.js';

export async function addClaim(db: Kysely<Database>, c: ClaimInput, actor: string, sourceId: (name: string) => string): Promise<ClaimRecord> {
  if (!CLAIM_KINDS.includes(c.kind)) throw new ReviewError(`unknown claim kind ${c.kind}; expected one of ${CLAIM_KINDS.join(', ')}`, 'invalid_input');
  if (!c.agreement_id) throw new ReviewError('a claim names its agreement', 'invalid_input');
  let at: number;
  try {
    at = parseTime(c.at, 'UTC').start;
  } catch (err) {
    throw new ReviewError(`claim time: ${(err as Error).message}`, 'invalid_input');
  }
  const row = {
    id: c.id ?? `cl-${randomBytes(8).toString('hex')}`,
    agreement_id: c.agreement_id,
    incident_id: c.incident_id ?? null,
    report_id: c.report_id ?? null,
    kind: c.kind,
    claimant: c.claimant ?? null,
    subject: c.subject ?? null,
    at_ms: at,
    at_text: c.at,
    text: c.text ?? null,
    source_id: c.source ? sourceId(c.source) : null,
    url: c.url ?? null,
    created_by: actor,
    created_at: Date.now(),
  };
  await db.transaction().execute(async (trx) => {
    if (c.id && (await trx.selectFrom('claims').select('id').where('id', '=', c.id).executeTakeFirst())) return; // already recorded
    await trx.insertInto('claims').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
    await audit(trx, { actor, action: 'add_claim', entity_type: 'agreement', entity_id: c.agreement_id, after: row });
    if (row.incident_id) await audit(trx, { actor, action: 'add_claim', entity_type: 'incident', entity_id: row.incident_id, after: row });
  });
  return toClaim(row);
}

export async function listClaims(
  db: Kysely<Database>,
  f: { agreement?: string; incident?: string; kind?: ClaimKind },
  page?: PageInput,
): Promise<Page<ClaimRecord>> {
  const { limit, after } = pageOf(page);
  let q = db.selectFrom('claims').selectAll();
  if (f.agreement) q = q.where('agreement_id', '=', f.agreement);
  if (f.incident) q = q.where('incident_id', '=', f.incident);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (after) {
    const [t, id] = after;
    q = q.where((eb) => eb.or([eb('at_ms', '>', Number(t)), eb.and([eb('at_ms', '=', Number(t)), eb('id', '>', String(id))])]));
  }
  const rows = await q.orderBy('at_ms').orderBy('id').limit(limit + 1).execute();
  const out = nextCursor(rows, limit, (r) => [Number(r.at_ms), r.id]);
  return { items: out.items.map(toClaim), next_cursor: out.next_cursor };
}

export function deriveStatus(claims: { id: string; kind: string; at: string }[]): StatusPoint[] {
  const out: StatusPoint[] = [];
  let status: AgreementStatus | null = null;
  for (const c of claims) {
    let next: AgreementStatus | null = status;
    if (c.kind === 'announced') next = 'announced';
    else if (c.kind === 'collapsed') next = 'collapsed';
    else if (status !== 'collapsed') {
      if (c.kind === 'confirmed') next = 'confirmed';
      else if (c.kind === 'disputed' || c.kind === 'denied' || c.kind === 'violation_alleged') next = 'disputed';
    }
    if (next && next !== status) {
      status = next;
      out.push({ at: c.at, status: next, claim_id: c.id });
    }
  }
  return out;
}

export async function agreementStatus(db: Kysely<Database>, agreementId: string): Promise<StatusPoint[]> {
  const rows = await db
    .selectFrom('claims')
    .select(['id', 'kind', 'at_text'])
    .where('agreement_id', '=', agreementId)
    .orderBy('at_ms')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return deriveStatus(rows.map((r) => ({ id: r.id, kind: r.kind, at: r.at_text })));
}
