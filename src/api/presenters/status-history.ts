/**
 * An agreement's status over time, as one list of periods: its time in force (from the agreement
 * file) and its public status as the claims about it moved it (announced, confirmed, disputed,
 * collapsed; computed by the store from claims). Each period runs until the next one starts.
 */
import type { Agreement } from '../../domain/agreement.js';
import { parseBoundary } from '../../domain/time.js';
import type { StatusPoint } from '../../store/records.js';
import type { AgreementDetail } from '../schemas/agreement.js';

type Period = AgreementDetail['status_history'][number];

function instant(v: unknown, tz: string): number | null {
  try {
    return v === undefined || v === null ? null : parseBoundary(v instanceof Date ? v : String(v), tz);
  } catch {
    return null;
  }
}

export function statusHistory(a: Agreement, points: StatusPoint[]): Period[] {
  const events: { at: number; status: string; note: string | null }[] = [];
  const from = instant(a.in_force.from, a.tz);
  const until = instant(a.in_force.until, a.tz);
  if (from !== null) events.push({ at: from, status: 'in_force', note: 'entered into force' });
  for (const p of points) events.push({ at: Date.parse(p.at), status: p.status, note: `claim ${p.claim_id}` });
  if (until !== null) events.push({ at: until, status: 'ended', note: 'end of the time in force' });
  // a stable sort keeps the in-force start before a claim made the same instant
  events.sort((x, y) => x.at - y.at);
  return events.map((e, i) => ({
    from: new Date(e.at).toISOString(),
    until: i + 1 < events.length ? new Date(events[i + 1].at).toISOString() : null,
    status: e.status,
    note: e.note,
  }));
}
