/**
 * Compliance over time (formats.md §9), the way ceasefire monitors report it daily: violations,
 * undetermined and permitted findings and fatalities per period and per party, guarantor, zone or
 * agreement, each compared with the previous period ("40 ceasefire violations (prev. 87)", OSCE SMM
 * daily reports; the Hmeimim centre's daily counts per province).
 *
 * Pure: rows in, series out, so that the CLI, the API and the bulletin share it.
 * - An incident falls in the period that contains the start of its time, in `tz`.
 * - Weeks are ISO 8601 weeks (Monday to Sunday), labelled YYYY-Www.
 * - Fatalities: the `fatalities.total` of each incident with a violation in the group and period,
 *   counted once per group even when several agreements find it a violation.
 * - Every (period, group) with findings in it or in the previous period gets a row, so that a drop
 *   to zero shows.
 */
import { tzOffsetMs } from '../../domain/time.js';

export type Period = 'day' | 'week' | 'month';
export type Grouping = 'party' | 'guarantor' | 'zone' | 'agreement';

/** One finding, with what the series needs of its incident. */
export interface ComplianceRow {
  incident: string;
  agreement: string;
  verdict: 'violation' | 'permitted' | 'undetermined' | 'not_applicable';
  party: string | null;
  answerable: string | null;
  /** the zone that put the incident in scope ("agreement/zone"), or null */
  zone: string | null;
  /** epoch ms: the start of the incident's time */
  time: number;
  /** fatalities.total of the incident, or null */
  fatalities: number | null;
}

export interface Counts {
  violations: number;
  undetermined: number;
  permitted: number;
  fatalities: number;
}

export interface SeriesRow extends Counts {
  period: string;
  group: string;
  previous: Counts;
  delta: Counts;
}

const zero = (): Counts => ({ violations: 0, undetermined: 0, permitted: 0, fatalities: 0 });

/** The label of the period that contains instant t in tz. */
export function periodOf(t: number, by: Period, tz: string): string {
  const local = new Date(t + tzOffsetMs(tz, t));
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const d = local.getUTCDate();
  if (by === 'month') return `${y}-${String(m + 1).padStart(2, '0')}`;
  if (by === 'day') return `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  // ISO week: the week with the year's first Thursday is week 1
  const date = Date.UTC(y, m, d);
  const dow = (new Date(date).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(date - dow * 86_400_000 + 3 * 86_400_000);
  const wy = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(wy, 0, 1)) / (7 * 86_400_000));
  return `${wy}-W${String(week).padStart(2, '0')}`;
}

/** The label of the period before `label`. */
export function previousPeriod(label: string, by: Period): string {
  if (by === 'month') {
    const [y, m] = label.split('-').map(Number);
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  }
  if (by === 'day') {
    const t = Date.parse(`${label}T00:00:00Z`) - 86_400_000;
    return new Date(t).toISOString().slice(0, 10);
  }
  const [y, w] = label.split('-W').map(Number);
  if (w > 1) return `${y}-W${String(w - 1).padStart(2, '0')}`;
  // the last ISO week of the previous year: the week of its 28 December
  return periodOf(Date.UTC(y - 1, 11, 28, 12), 'week', 'UTC');
}

/** The label of the period after `label`. */
export function nextPeriod(label: string, by: Period): string {
  if (by === 'month') {
    const [y, m] = label.split('-').map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  if (by === 'day') return new Date(Date.parse(`${label}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const [y, w] = label.split('-W').map(Number);
  const jan4 = Date.UTC(y, 0, 4);
  const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
  return periodOf(monday1 + (w * 7 + 3) * 86_400_000, 'week', 'UTC');
}

function groupOf(r: ComplianceRow, group: Grouping): string {
  if (group === 'party') return r.party ?? '(unknown)';
  if (group === 'guarantor') return r.answerable ?? '(none)';
  if (group === 'zone') return r.zone ?? '(none)';
  return r.agreement;
}

export function complianceSeries(
  rows: Iterable<ComplianceRow>,
  options: { by: Period; group: Grouping; tz?: string },
): SeriesRow[] {
  const tz = options.tz ?? 'UTC';
  const cells = new Map<string, Counts>();
  const fatal = new Set<string>();
  const periods = new Set<string>();
  const key = (p: string, g: string) => `${p}\u0000${g}`;
  for (const r of rows) {
    if (r.verdict === 'not_applicable') continue;
    const p = periodOf(r.time, options.by, tz);
    const g = groupOf(r, options.group);
    periods.add(p);
    let c = cells.get(key(p, g));
    if (!c) {
      c = zero();
      cells.set(key(p, g), c);
    }
    if (r.verdict === 'violation') {
      c.violations++;
      const once = `${key(p, g)}\u0000${r.incident}`;
      if (r.fatalities !== null && !fatal.has(once)) {
        fatal.add(once);
        c.fatalities += r.fatalities;
      }
    } else if (r.verdict === 'undetermined') c.undetermined++;
    else c.permitted++;
  }
  // rows: each (period, group) with counts now or in the previous period
  const wanted = new Map<string, [string, string]>();
  const last = [...periods].sort().pop();
  for (const k of cells.keys()) {
    const [p, g] = k.split('\u0000');
    wanted.set(k, [p, g]);
    const next = nextPeriod(p, options.by);
    if (last !== undefined && next <= last && !cells.has(key(next, g))) wanted.set(key(next, g), [next, g]);
  }
  const out: SeriesRow[] = [];
  for (const [k, [p, g]] of wanted) {
    const now = cells.get(k) ?? zero();
    const prev = cells.get(key(previousPeriod(p, options.by), g)) ?? zero();
    out.push({
      period: p,
      group: g,
      ...now,
      previous: prev,
      delta: {
        violations: now.violations - prev.violations,
        undetermined: now.undetermined - prev.undetermined,
        permitted: now.permitted - prev.permitted,
        fatalities: now.fatalities - prev.fatalities,
      },
    });
  }
  return out.sort((a, b) =>
    a.period < b.period ? -1 : a.period > b.period ? 1 : a.group < b.group ? -1 : a.group > b.group ? 1 : 0,
  );
}
