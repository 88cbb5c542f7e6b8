/**
 * Obligations with deadlines, read from the agreement itself: every withdrawal, joint patrol and
 * humanitarian-access rule with a `by`, and every phase. A deadline is the one in force just
 * before it passed (formats.md §3: "a deadline is judged by the last amendment made before the
 * deadline passed"), so an extension agreed in time moves it and one agreed too late does not.
 * Without evidence of compliance the status of a passed deadline is `unknown`, never `met`;
 * adjudication's evidence-based status replaces these when the caller supplies it.
 */
import type { Agreement, Rule } from '../../domain/agreement.js';
import { parseBoundary } from '../../domain/time.js';
import type { AgreementDetail } from '../schemas/agreement.js';

type Obligation = AgreementDetail['obligations'][number];

const toText = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

function at(v: unknown, tz: string): number | null {
  try {
    return parseBoundary(v instanceof Date ? v : String(v), tz);
  } catch {
    return null;
  }
}

function describe(r: Rule): string {
  switch (r.kind) {
    case 'withdrawal':
      return `${r.who.join(', ')} withdraw ${r.what.replaceAll('_', ' ')} from ${r.from}`;
    case 'joint_patrol':
      return `${r.who.join(' and ')} patrol ${r.where}${r.every_days ? ` every ${r.every_days} days` : ''}`;
    case 'humanitarian_access':
      return `humanitarian access to ${r.where}${r.who ? ` granted by ${r.who.join(', ')}` : ''}`;
    case 'phase':
      return `${r.after_quiet_days} quiet days by ${r.quiet_parties.join(', ')} enable ${r.enables.join(', ')}`;
    default:
      return r.kind;
  }
}

export function deadlineObligations(a: Agreement, now = Date.now()): Obligation[] {
  const out: Obligation[] = [];
  for (const rule of a.rules ?? []) {
    if (!['withdrawal', 'joint_patrol', 'humanitarian_access', 'phase'].includes(rule.kind)) continue;
    const reasons: string[] = [];
    let by: unknown = 'by' in rule ? rule.by : undefined;
    let due = by === undefined ? null : at(by, a.tz);
    for (const am of a.amendments ?? []) {
      const change = am.rules?.find((r) => r.id === rule.id);
      if (!change || change.by === undefined) continue;
      const from = at(am.from, a.tz);
      if (from !== null && (due === null || from < due)) {
        reasons.push(
          `deadline moved from ${by === undefined ? 'none' : toText(by)} to ${toText(change.by)} by the amendment of ${toText(am.from)}`,
        );
        by = change.by;
        due = at(by, a.tz);
      } else if (from !== null) {
        reasons.push(`the amendment of ${toText(am.from)} came after the deadline had passed and does not move it`);
      }
    }
    let status = 'unknown';
    if (rule.kind === 'phase') reasons.push('completion depends on quiet days (see the agreement status)');
    else if (due !== null && due > now) status = 'pending';
    else if (due !== null) reasons.push('deadline passed; no evidence of compliance has been adjudicated');
    out.push({
      rule: rule.id,
      kind: rule.kind,
      clause: rule.clause ?? null,
      who: 'who' in rule && rule.who ? rule.who : 'quiet_parties' in rule ? rule.quiet_parties : [],
      description: describe(rule),
      due: due === null ? null : new Date(due).toISOString(),
      status,
      reasons,
    });
  }
  return out;
}
