/**
 * Compliance time series: findings counted per day, week or month and per party, guarantor, zone
 * or agreement, for a period and the period of the same length just before it. One SQL query
 * (on the daily rollup when the bounds are whole days) groups by UTC day (integer division of the
 * epoch-ms time, portable across SQLite and PostgreSQL); days are rolled up into weeks (ISO, Monday) or calendar months here, which keeps
 * the SQL dialect-free. A finding's zone is the `where` of the rule that decided it.
 */
import { sql } from 'kysely';
import type { Verdict } from '../domain/finding.js';
import { DAY_MS } from '../domain/time.js';
import type { Store } from '../store/store.js';

export type Bucket = 'day' | 'week' | 'month';
export type Group = 'party' | 'guarantor' | 'zone' | 'agreement';

export interface SeriesRequest {
  agreement?: string;
  from: number;
  to: number;
  bucket: Bucket;
  group: Group;
  verdicts: Verdict[];
  /** `agreement/rule` -> zone id, for group = zone */
  ruleZones?: Map<string, string>;
  label?: (key: string) => string;
}

export interface Series {
  key: string | null;
  label: string;
  total: number;
  previous_total: number;
  points: { start: string; count: number }[];
  previous: { start: string; count: number }[];
}

/** Start (epoch ms, UTC) of the bucket holding `t`. Epoch day 0 (1970-01-01) was a Thursday. */
export function bucketStart(t: number, bucket: Bucket): number {
  const day = Math.floor(t / DAY_MS);
  if (bucket === 'day') return day * DAY_MS;
  if (bucket === 'week') return (Math.floor((day + 3) / 7) * 7 - 3) * DAY_MS;
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

export function nextBucket(start: number, bucket: Bucket): number {
  if (bucket === 'day') return start + DAY_MS;
  if (bucket === 'week') return start + 7 * DAY_MS;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** Bucket starts covering [from, to). */
export function buckets(from: number, to: number, bucket: Bucket): number[] {
  const out: number[] = [];
  for (let b = bucketStart(from, bucket); b < to; b = nextBucket(b, bucket)) out.push(b);
  return out;
}

export interface CountRow {
  agreement_id: string;
  party: string | null;
  answerable: string | null;
  rule: string | null;
  day: number;
  n: number;
}

/**
 * Effective verdicts counted per agreement, party, answerable, rule and UTC day over [from, to).
 * Whole days (every bucket of the API) come from the daily rollup the database keeps
 * (compliance_days, migration 0004: ~1,000 rows for a quarter and its previous quarter at 1M
 * incidents instead of ~100,000 findings); other bounds count the findings themselves.
 */
export async function dailyCounts(
  store: Store,
  from: number,
  to: number,
  verdicts: Verdict[],
  agreement?: string,
  rollup = true,
): Promise<CountRow[]> {
  if (rollup && from >= 0 && from % DAY_MS === 0 && to % DAY_MS === 0) {
    // not grouped again: rows of the same key and day (one per verdict) add up in the buckets
    let q = store.db
      .selectFrom('compliance_days')
      .select(['agreement_id', 'party', 'answerable', 'rule', 'day', 'n'])
      .where('day', '>=', from / DAY_MS)
      .where('day', '<', to / DAY_MS)
      .where('verdict', 'in', verdicts)
      .where('n', '<>', 0);
    if (agreement) q = q.where('agreement_id', '=', agreement);
    // the rollup stores NULL keys as '' (its primary key must be total)
    const orNull = (s: string) => (s === '' ? null : s);
    return (await q.execute()).map((r) => ({
      agreement_id: r.agreement_id,
      party: orNull(r.party),
      answerable: orNull(r.answerable),
      rule: orNull(r.rule),
      day: Number(r.day),
      n: Number(r.n),
    }));
  }
  const day = sql<number>`t_start / ${sql.lit(DAY_MS)}`;
  let q = store.db
    .selectFrom('findings')
    .select(['agreement_id', 'party', 'answerable', 'rule', day.as('day'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('t_start', '>=', from)
    .where('t_start', '<', to)
    .where(sql<string>`coalesce(override_verdict, verdict)`, 'in', verdicts)
    .groupBy(['agreement_id', 'party', 'answerable', 'rule', day]);
  if (agreement) q = q.where('agreement_id', '=', agreement);
  return (await q.execute()).map((r) => ({ ...r, day: Number(r.day), n: Number(r.n) }));
}

export async function complianceSeries(store: Store, req: SeriesRequest): Promise<Series[]> {
  const span = req.to - req.from;
  const prevFrom = req.from - span;
  const rows = await dailyCounts(store, prevFrom, req.to, req.verdicts, req.agreement);

  const keyOf = (r: CountRow): string | null => {
    if (req.group === 'party') return r.party;
    if (req.group === 'guarantor') return r.answerable;
    if (req.group === 'agreement') return r.agreement_id;
    return (r.rule && req.ruleZones?.get(`${r.agreement_id}/${r.rule}`)) ?? null;
  };
  const current = buckets(req.from, req.to, req.bucket);
  // the previous period, bucket by bucket from its own start, as many buckets as the current one
  const previous: number[] = [];
  for (let b = bucketStart(prevFrom, req.bucket); previous.length < current.length; b = nextBucket(b, req.bucket))
    previous.push(b);
  const index = (list: number[]) => new Map(list.map((b, i) => [b, i]));
  const curIdx = index(current);
  const prevIdx = index(previous);

  const byKey = new Map<string | null, { cur: number[]; prev: number[] }>();
  for (const r of rows) {
    const t = Number(r.day) * DAY_MS;
    const k = keyOf(r);
    let s = byKey.get(k);
    if (!s) {
      s = { cur: current.map(() => 0), prev: previous.map(() => 0) };
      byKey.set(k, s);
    }
    const n = Number(r.n);
    if (t >= req.from) {
      const i = curIdx.get(bucketStart(t, req.bucket));
      if (i !== undefined) s.cur[i] += n;
    } else {
      const i = prevIdx.get(bucketStart(t, req.bucket));
      if (i !== undefined) s.prev[i] += n;
    }
  }
  const iso = (ms: number) => new Date(ms).toISOString();
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  return [...byKey.entries()]
    .map(([key, s]) => ({
      key,
      label: key === null ? 'unattributed' : (req.label?.(key) ?? key),
      total: sum(s.cur),
      previous_total: sum(s.prev),
      points: current.map((b, i) => ({ start: iso(b), count: s.cur[i] })),
      previous: previous.map((b, i) => ({ start: iso(b), count: s.prev[i] })),
    }))
    .sort(
      (a, b) => b.total - a.total || b.previous_total - a.previous_total || String(a.key).localeCompare(String(b.key)),
    );
}
