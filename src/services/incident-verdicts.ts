/**
 * The verdicts of many incidents at once (one query for a whole page), for lists and maps that
 * colour incidents by verdict. Uses the store's Kysely handle: `Store.listIncidents` returns
 * incidents without their findings. The findings primary key (incident_id, agreement_id) makes
 * this an index lookup per incident.
 */
import type { Verdict } from '../domain/finding.js';
import type { Store } from '../store/store.js';

export interface IncidentVerdict {
  agreement: string;
  verdict: Verdict;
  computed_verdict: Verdict;
  rule: string | null;
  party: string | null;
  answerable: string | null;
}

export async function verdictsOf(store: Store, incidentIds: string[]): Promise<Map<string, IncidentVerdict[]>> {
  const out = new Map<string, IncidentVerdict[]>();
  if (incidentIds.length === 0) return out;
  for (let i = 0; i < incidentIds.length; i += 500) {
    const rows = await store.db
      .selectFrom('findings')
      .select(['incident_id', 'agreement_id', 'verdict', 'override_verdict', 'rule', 'party', 'answerable'])
      .where('incident_id', 'in', incidentIds.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const list = out.get(r.incident_id) ?? [];
      list.push({
        agreement: r.agreement_id,
        verdict: (r.override_verdict ?? r.verdict) as Verdict,
        computed_verdict: r.verdict as Verdict,
        rule: r.rule,
        party: r.party,
        answerable: r.answerable,
      });
      out.set(r.incident_id, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.agreement.localeCompare(b.agreement));
  return out;
}

const GRAVITY: Record<Verdict, number> = { violation: 3, undetermined: 2, permitted: 1, not_applicable: 0 };
/** The gravest verdict over all agreements (violation > undetermined > permitted > not_applicable). */
export function gravest(verdicts: { verdict: Verdict }[]): Verdict | null {
  let best: Verdict | null = null;
  for (const v of verdicts) if (best === null || GRAVITY[v.verdict] > GRAVITY[best]) best = v.verdict;
  return best;
}
