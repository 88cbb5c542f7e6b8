/**
 * Obligation tracking (formats.md §8): the status, at an instant, of every withdrawal, joint
 * patrol, humanitarian access and phase rule: pending, met, missed or unknown, with the incidents
 * that decided it and the days left or overdue.
 *
 * A deadline is the rule's `by` as amended by the last amendment made before the deadline passed
 * (formats.md §3); a date means the end of that day in the agreement's time zone (§8). Evidence is
 * an incident's `obligation` field (obligation-evidence.ts), or for withdrawals of all forces a
 * `headquarters_or_base_established` incident by a withdrawing actor. Evidence counts for a rule
 * when it names the rule, or when it is certainly inside the rule's zone (patrols and access
 * also at its edge) and its actor, if any, is one the rule names.
 */
import type { Rule } from '../../domain/agreement.js';
import { DAY_MS, formatUtc } from '../../domain/time.js';
import type { Adjudicator } from './adjudicator.js';
import type { CompiledAgreement } from './compiled-agreement.js';
import { EDGE, IN } from './containment.js';
import type { IncidentColumns } from './incident-columns.js';
import { EVIDENCE_KINDS, type EvidenceKind } from './obligation-evidence.js';
import { deadlineAt } from './time-cache.js';

export type ObligationState = 'pending' | 'met' | 'missed' | 'unknown';

export interface ObligationStatus {
  agreement: string;
  rule: string;
  kind: 'withdrawal' | 'joint_patrol' | 'humanitarian_access' | 'phase';
  clause: string | null;
  status: ObligationState;
  /** the deadline (or the phase's completion, actual or projected), ISO UTC; null when none */
  deadline: string | null;
  /** positive: days left; negative: days overdue; null without a deadline */
  days: number | null;
  /** ids of the incidents that decided the status */
  evidence: string[];
  reasons: string[];
}

type Tracked = Extract<Rule, { kind: ObligationStatus['kind'] }>;
const TRACKED = new Set(['withdrawal', 'joint_patrol', 'humanitarian_access', 'phase']);
/** weapon classes that count as heavy weapons (Sochi memorandum §6: tanks, MLRS, artillery, mortars) */
const HEAVY = new Set(['heavy_weapons', 'tanks', 'mlrs', 'artillery', 'mortars']);

const round1 = (d: number) => Math.round(d * 10) / 10;

export function computeObligations(
  adj: Adjudicator,
  cols: IncidentColumns,
  options: { at?: number } = {},
): ObligationStatus[] {
  const at = options.at ?? Date.now();
  adj.schedulePhases(cols, at);
  const out: ObligationStatus[] = [];
  for (const a of adj.agreements) {
    const seen = new Set<string>();
    // every tracked rule ever present, latest version first so that its wording is the current one
    for (let k = a.versions.length - 1; k >= 0; k--) {
      for (const r of a.versions[k].rules) {
        if (!TRACKED.has(r.kind) || seen.has(r.id)) continue;
        seen.add(r.id);
        out.push(statusOf(adj, cols, a, r as Tracked, at));
      }
    }
  }
  return out.sort((x, y) => (x.agreement < y.agreement ? -1 : x.agreement > y.agreement ? 1 : 0) || a0(x, y));
}

const a0 = (x: ObligationStatus, y: ObligationStatus) => (x.rule < y.rule ? -1 : x.rule > y.rule ? 1 : 0);

/** The deadline of rule `id` as amended before it passed; Infinity when the rule has none. */
export function amendedDeadline(a: CompiledAgreement, id: string): { at: number; version: number } {
  let deadline = Infinity;
  let version = -1;
  for (let k = 0; k < a.versions.length; k++) {
    if (a.versions[k].from >= deadline) break; // made after the deadline passed
    const r = a.versions[k].rules.find((x) => x.id === id) as { by?: string | Date } | undefined;
    if (r?.by !== undefined) {
      deadline = deadlineAt(r.by, a.tz);
      version = k;
    }
  }
  return { at: deadline, version };
}

function statusOf(
  adj: Adjudicator,
  cols: IncidentColumns,
  a: CompiledAgreement,
  rule: Tracked,
  at: number,
): ObligationStatus {
  const base = { agreement: a.id, rule: rule.id, kind: rule.kind, clause: rule.clause ?? null };
  if (rule.kind === 'phase') return phaseStatus(adj, cols, a, rule, at, base);
  const { at: deadline, version } = amendedDeadline(a, rule.id);
  const k = version >= 0 ? version : a.versionIndexAt(Math.min(at, a.until - 1));
  const zid = rule.kind === 'withdrawal' ? rule.from : rule.where;
  const zone = a.zone(k, zid);
  const who = (rule.who ?? []).map((id) => adj.parties.classOfId(id));
  const evidence = collect(adj, cols, a, rule, zone, who, at);
  const reasons: string[] = [];
  const days = Number.isFinite(deadline) ? round1((deadline - at) / DAY_MS) : null;
  const iso = Number.isFinite(deadline) ? formatUtc(deadline) : null;
  if (iso) reasons.push(`due by ${iso}${version > 0 ? ` (as amended on ${formatUtc(a.versions[version].from)})` : ''}`);
  const ids = (xs: Ev[]) => xs.map((e) => cols.ids[e.i]);
  const done = (status: ObligationState, ev: Ev[], why: string): ObligationStatus => ({
    ...base,
    status,
    deadline: iso,
    days,
    evidence: ids(ev),
    reasons: [...reasons, why],
  });
  if (rule.kind === 'withdrawal') {
    const present = evidence.filter((e) => e.kind === 'weapons_present' || e.kind === 'forces_present');
    const reported = evidence.filter((e) => e.kind === 'withdrawal_reported');
    const late = present.filter((e) => e.t >= deadline);
    if (late.length > 0) return done('missed', late, `${rule.what} still in ${zid} after the deadline`);
    const lastReport = reported[reported.length - 1];
    if (lastReport && !present.some((e) => e.t > lastReport.t))
      return done('met', [lastReport], `withdrawal from ${zid} reported`);
    if (at < deadline) return done('pending', present, `${round1((deadline - at) / DAY_MS)} days left`);
    return done('unknown', [], `no report of withdrawal from ${zid} or of ${rule.what} remaining there`);
  }
  if (rule.kind === 'joint_patrol') {
    const patrols = evidence.filter((e) => e.kind === 'patrol_conducted');
    const cancelled = evidence.filter((e) => e.kind === 'patrol_cancelled');
    const last = patrols[patrols.length - 1];
    const first = patrols[0];
    if (first && first.t >= deadline)
      return done(
        'missed',
        [first, ...cancelled.filter((e) => e.t < first.t)],
        'the first patrol came after the deadline',
      );
    if (last && rule.every_days !== undefined && at - last.t > rule.every_days * DAY_MS) {
      return done(
        'missed',
        [last],
        `no patrol for ${round1((at - last.t) / DAY_MS)} days (one every ${rule.every_days} days is due)`,
      );
    }
    if (last) return done('met', patrols, `${patrols.length} patrol(s) conducted in ${zid}`);
    if (at >= deadline) return done('missed', cancelled, `no patrol in ${zid} by the deadline`);
    if (Number.isFinite(deadline)) return done('pending', cancelled, `${round1((deadline - at) / DAY_MS)} days left`);
    return done('unknown', cancelled, `no patrol reported in ${zid}`);
  }
  // humanitarian access: the latest report decides
  const reports = evidence.filter((e) => e.kind === 'access_granted' || e.kind === 'access_denied');
  const last = reports[reports.length - 1];
  if (last?.kind === 'access_denied' && last.t >= (Number.isFinite(deadline) ? deadline : -Infinity)) {
    return done('missed', [last], `access to ${zid} denied`);
  }
  if (last?.kind === 'access_granted') return done('met', [last], `access to ${zid} granted`);
  if (at < deadline) return done('pending', reports, `${round1((deadline - at) / DAY_MS)} days left`);
  return done('unknown', reports, `no report of access to ${zid}`);
}

function phaseStatus(
  adj: Adjudicator,
  cols: IncidentColumns,
  a: CompiledAgreement,
  rule: Extract<Rule, { kind: 'phase' }>,
  at: number,
  base: Omit<ObligationStatus, 'status' | 'deadline' | 'days' | 'evidence' | 'reasons'>,
): ObligationStatus {
  const p = a.phases.findIndex((x) => x.id === rule.id);
  const t = a.phaseAt[p];
  const resets = (adj.phaseResets.get(`${a.id}/${rule.id}`) ?? []).map((i) => cols.ids[i]);
  const reasons = [
    `${rule.after_quiet_days} quiet days of ${rule.quiet_parties.join(', ')} enable ${rule.enables.join(', ')}`,
  ];
  if (resets.length > 0) reasons.push(`the count restarted after ${resets.length} violation(s)`);
  if (!Number.isFinite(t)) {
    return {
      ...base,
      status: at >= a.until ? 'missed' : 'pending',
      deadline: null,
      days: null,
      evidence: resets,
      reasons: [...reasons, 'not completed while in force'],
    };
  }
  const days = round1((t - at) / DAY_MS);
  if (t <= at)
    return {
      ...base,
      status: 'met',
      deadline: formatUtc(t),
      days,
      evidence: resets,
      reasons: [...reasons, `completed at ${formatUtc(t)}`],
    };
  return {
    ...base,
    status: 'pending',
    deadline: formatUtc(t),
    days,
    evidence: resets,
    reasons: [
      ...reasons,
      `completes at ${formatUtc(t)} if no violation by ${rule.quiet_parties.join(', ')} comes first`,
    ],
  };
}

interface Ev {
  i: number;
  t: number;
  kind: EvidenceKind;
}

/** The evidence about a rule known at `at`, in time order. */
function collect(
  adj: Adjudicator,
  cols: IncidentColumns,
  a: CompiledAgreement,
  rule: Tracked,
  zone: number,
  who: number[],
  at: number,
): Ev[] {
  const out: Ev[] = [];
  const z = a.tzIndex;
  for (let i = 0; i < cols.count; i++) {
    let kind: EvidenceKind | undefined = cols.evidence[i] >= 0 ? EVIDENCE_KINDS[cols.evidence[i]] : undefined;
    if (
      kind === undefined &&
      rule.kind === 'withdrawal' &&
      rule.what === 'all_forces' &&
      cols.types[cols.type[i]] === 'headquarters_or_base_established'
    ) {
      kind = 'forces_present';
    }
    if (
      kind === undefined ||
      !fits(rule, kind, cols.evidenceWhat[i] >= 0 ? cols.strings[cols.evidenceWhat[i]] : undefined)
    )
      continue;
    // presence counts from its earliest possible instant, reports and patrols once surely done
    const t = kind === 'weapons_present' || kind === 'forces_present' ? cols.start[z][i] : cols.end[z][i];
    if (t > at) continue;
    const named = cols.evidenceRule[i] >= 0 ? cols.strings[cols.evidenceRule[i]] : undefined;
    const agreement = cols.evidenceAgreement[i] >= 0 ? cols.strings[cols.evidenceAgreement[i]] : undefined;
    if (agreement !== undefined && agreement !== a.id) continue;
    if (named !== undefined) {
      if (named === rule.id) out.push({ i, t, kind });
      continue;
    }
    const actor = cols.evidenceActor[i] >= 0 ? cols.evidenceActor[i] : cols.by[i];
    if (actor >= 0 && who.length > 0 && !isOneOf(adj, actor, who, cols.start[z][i], a.tz)) continue;
    if (actor < 0 && who.length > 0 && rule.kind === 'withdrawal') continue;
    adj.site.locate(cols, i);
    const c = adj.site.classify(zone);
    if (c === IN || (c === EDGE && rule.kind !== 'withdrawal')) out.push({ i, t, kind });
  }
  return out.sort((x, y) => x.t - y.t || x.i - y.i);
}

function fits(rule: Tracked, kind: EvidenceKind, what: string | undefined): boolean {
  if (rule.kind === 'withdrawal') {
    if (kind === 'withdrawal_reported')
      return what === undefined || what === rule.what || (rule.what === 'heavy_weapons' && HEAVY.has(what));
    if (kind === 'forces_present') return rule.what === 'all_forces';
    if (kind === 'weapons_present') {
      const w = what ?? 'heavy_weapons';
      return rule.what === 'all_forces' || w === rule.what || (rule.what === 'heavy_weapons' && HEAVY.has(w));
    }
    return false;
  }
  if (rule.kind === 'joint_patrol') return kind === 'patrol_conducted' || kind === 'patrol_cancelled';
  return kind === 'access_granted' || kind === 'access_denied';
}

function isOneOf(adj: Adjudicator, code: number, classes: number[], t: number, tz: string): boolean {
  const cls = adj.parties.classOf(code);
  if (cls < 0) return false;
  return classes.some((c) => c === cls || adj.parties.membershipPath(cls, c, t, tz) !== null);
}
