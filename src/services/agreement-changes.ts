/**
 * Verdicts follow the agreements: when an agreement file changes (a new amendment, a moved zone,
 * a party added), the incidents in its time span are flagged stale, and only those are
 * re-adjudicated. The store remembers a digest of each agreement as last seen; a new, changed or
 * removed agreement flags its span (the old and the new one). Phases make a verdict depend on
 * earlier verdicts of the same agreement, so the whole span is flagged, not just the amended part.
 */
import { createHash } from 'node:crypto';
import type { Agreement } from '../domain/agreement.js';
import { parseTime } from '../domain/time.js';
import type { Store } from '../store/store.js';

export interface AgreementChange {
  agreement: string;
  change: 'added' | 'changed' | 'removed';
  incidents: number;
}

function span(a: Agreement): { from: number; until: number | null } {
  return {
    from: parseTime(a.in_force.from, a.tz).start,
    until: a.in_force.until ? parseTime(a.in_force.until, a.tz).start : null,
  };
}

/** Digest of everything that can move a verdict: the agreement and the geometry of its file zones. */
export function agreementDigest(a: Agreement, zoneGeometry?: (key: string) => unknown): string {
  const h = createHash('sha256').update(JSON.stringify(a));
  if (zoneGeometry) {
    for (const id of Object.keys(a.zones ?? {}).sort()) h.update(JSON.stringify(zoneGeometry(`${a.id}/${id}`) ?? null));
  }
  return h.digest('hex');
}

export async function syncAgreements(store: Store, agreements: readonly Agreement[], zoneGeometry?: (key: string) => unknown): Promise<AgreementChange[]> {
  const known = new Map((await store.db.selectFrom('agreement_digests').selectAll().execute()).map((r) => [r.agreement_id, r]));
  const changes: AgreementChange[] = [];
  const now = Date.now();
  for (const a of agreements) {
    const digest = agreementDigest(a, zoneGeometry);
    const before = known.get(a.id);
    known.delete(a.id);
    if (before?.digest === digest) continue;
    const s = span(a);
    // the union of the old and the new time span
    const from = before ? Math.min(Number(before.t_from), s.from) : s.from;
    const until = before && before.t_until !== null && s.until !== null ? Math.max(Number(before.t_until), s.until) : before ? null : s.until;
    const n = await store.markStale({ from, ...(until !== null ? { to: until } : {}) });
    const row = { agreement_id: a.id, digest, t_from: s.from, t_until: s.until, updated_at: now };
    await store.db
      .insertInto('agreement_digests')
      .values(row)
      .onConflict((oc) => oc.column('agreement_id').doUpdateSet({ digest, t_from: s.from, t_until: s.until, updated_at: now }))
      .execute();
    changes.push({ agreement: a.id, change: before ? 'changed' : 'added', incidents: n });
  }
  for (const [id, gone] of known) {
    const n = await store.markStale({ from: Number(gone.t_from), ...(gone.t_until !== null ? { to: Number(gone.t_until) } : {}) });
    await store.db.deleteFrom('findings').where('agreement_id', '=', id).execute();
    await store.db.deleteFrom('agreement_digests').where('agreement_id', '=', id).execute();
    changes.push({ agreement: id, change: 'removed', incidents: n });
  }
  return changes;
}
