/**
 * Claims found in report text -> claims on agreements. Extraction gives the speaker, the stance
 * (asserts / denies) and what the claim is about (an agreement, or an incident of the report);
 * the agreement is the one the subject names (id, title or short name), else the only agreement in
 * force at the claim's time. Claims about an incident are accusations (violation_alleged) or
 * denials; claims about the agreement confirm it or dispute it.
 */
import { createHash } from 'node:crypto';
import type { Agreement } from '../domain/agreement.js';
import { parseTime } from '../domain/time.js';
import type { ReadClaim } from '../pipeline/ingest/index.js';
import { normalizeName } from '../pipeline/resolve/normalize-name.js';
import type { ClaimInput } from '../store/store.js';

export function agreementFor(claim: ReadClaim, agreements: readonly Agreement[]): Agreement | undefined {
  const subject = normalizeName(claim.subject.text);
  const named = agreements.find((a) =>
    [a.id.replace(/-/g, ' '), a.title, a.short_name].some((n) => n && subject.includes(normalizeName(n))),
  );
  if (named) return named;
  if (!claim.at) return undefined;
  let at: number;
  try {
    at = parseTime(claim.at, 'UTC').start;
  } catch {
    return undefined;
  }
  const inForce = agreements.filter((a) => {
    const from = parseTime(a.in_force.from, a.tz).start;
    const until = a.in_force.until ? parseTime(a.in_force.until, a.tz).start : Number.POSITIVE_INFINITY;
    return from <= at && at < until;
  });
  return inForce.length === 1 ? inForce[0] : undefined;
}

export function claimInput(
  claim: ReadClaim,
  agreement: Agreement,
  opts: { reportKey: string; incidentId?: string | null; source?: string | null },
): ClaimInput {
  const aboutIncident = claim.subject.kind === 'incident';
  const denies = claim.stance === 'denies';
  return {
    id: `cl-${createHash('sha256').update(`${opts.reportKey}\0${claim.key}\0${agreement.id}`).digest('hex').slice(0, 24)}`,
    agreement_id: agreement.id,
    kind: aboutIncident ? (denies ? 'denied' : 'violation_alleged') : denies ? 'disputed' : 'confirmed',
    at: claim.at ?? new Date().toISOString().slice(0, 10),
    incident_id: opts.incidentId ?? null,
    claimant: claim.speaker_actor ?? claim.speaker,
    text: claim.quote,
    source: opts.source ?? null,
  };
}
