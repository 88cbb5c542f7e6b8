/**
 * `buildBulletin(data)`: the day's counts beside the day before's, the notable incidents with
 * their sources, obligations due or missed, claims and denials, a map and a chart. Pure: no clock,
 * no I/O, so a fixture gives the same bulletin every time (the golden tests rely on it).
 *
 * Counting follows the daily reports of the OSCE Special Monitoring Mission to Ukraine, which set
 * each day's ceasefire violations beside the previous reporting period's, per area
 * (https://www.osce.org/special-monitoring-mission-to-ukraine/reports): here per agreement, per party
 * the violation is attributed to, per guarantor that answers for it, and per zone.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Verdict } from '../domain/finding.js';
import { DAY_MS, parseBoundary, parseTime, tzOffsetMs } from '../domain/time.js';
import type {
  Bulletin,
  BulletinData,
  BulletinFinding,
  BulletinIncident,
  ClaimRow,
  CountRow,
  DayCount,
  MapModel,
  NotableIncident,
  ObligationRow,
} from './model.js';
import { bboxOf, fitProjection, pathOf } from './project.js';

/** how many incidents the bulletin details; the rest are in the counts */
export const NOTABLE_LIMIT = 10;
/** obligations falling due within this many days are listed as due */
export const DUE_WINDOW_DAYS = 7;
const MAP_WIDTH = 640;
const CHART_BARS = 8;

type Day = 'today' | 'previous';

export function buildBulletin(data: BulletinData): Bulletin {
  const { tz } = data;
  const previousDate = shiftDate(data.date, -1);
  const dayEnd = parseTime(data.date, tz).end;
  const actorName = new Map(data.actors.map((a) => [a.id, a.name]));
  const nameOf = (id: string | null | undefined) => (id ? (actorName.get(id) ?? id) : 'unknown');
  const agreementLabel = new Map(data.agreements.map((a) => [a.id, a.short_name ?? a.title]));

  // which of the two days each incident falls on (incidents dated only to a month or year fall on neither)
  const dayOf = new Map<string, Day>();
  for (const inc of data.incidents) {
    const d = localDateOf(inc.when, tz);
    if (d === data.date) dayOf.set(inc.id, 'today');
    else if (d === previousDate) dayOf.set(inc.id, 'previous');
  }
  const incidentById = new Map(data.incidents.map((i) => [i.id, i]));
  const findingsOf = new Map<string, BulletinFinding[]>();
  for (const f of data.findings) {
    if (!dayOf.has(f.incident)) continue;
    const list = findingsOf.get(f.incident) ?? [];
    list.push(f);
    findingsOf.set(f.incident, list);
  }

  // One tally per row key: the distinct incidents of each verdict on each day, so an incident that
  // breaks two agreements counts once for its party.
  const tallies = new Map<string, Tally>();
  const tally = (group: string, key: string) => {
    const id = `${group}\u0000${key}`;
    let t = tallies.get(id);
    if (!t) {
      t = newTally();
      tallies.set(id, t);
    }
    return t;
  };
  const totals = newTally();
  const zoneHits = zoneMembership(data);
  for (const inc of data.incidents) {
    const day = dayOf.get(inc.id);
    if (!day) continue;
    totals.incidents[day].add(inc.id);
    totals.all[day].add(inc.id);
    const findings = findingsOf.get(inc.id) ?? [];
    // in the totals an incident counts once, by its gravest verdict
    const gravest = worstVerdict(findings);
    for (const f of findings) {
      if (f.verdict !== 'violation' && f.verdict !== 'undetermined') continue;
      const keys: [string, string][] = [['agreement', f.agreement]];
      if (f.verdict === gravest) keys.push(['total', '']);
      if (f.verdict === 'violation') {
        if (f.party) keys.push(['party', f.party]);
        if (f.answerable) keys.push(['guarantor', f.answerable]);
      }
      for (const z of zoneHits.get(inc.id) ?? []) if (z.agreement === f.agreement) keys.push(['zone', `${z.agreement}/${z.id}`]);
      for (const [g, k] of keys) tally(g, k)[f.verdict][day].add(inc.id);
    }
  }
  const fatalitiesOf = (ids: Set<string>) => sum([...ids].map((id) => incidentById.get(id)?.fatalities?.total ?? 0));
  const row = (group: string, key: string, label: string): CountRow => {
    const t = tallies.get(`${group}\u0000${key}`) ?? newTally();
    return {
      key,
      label,
      violations: count(t.violation),
      undetermined: count(t.undetermined),
      fatalities: { today: fatalitiesOf(t.violation.today), previous: fatalitiesOf(t.violation.previous) },
    };
  };
  const rowsOf = (group: string, label: (key: string) => string) =>
    [...tallies.keys()]
      .filter((k) => k.startsWith(`${group}\u0000`))
      .map((k) => k.slice(group.length + 1))
      .map((key) => row(group, key, label(key)))
      .sort(byCounts);

  const total = tallies.get('total\u0000') ?? newTally();
  const parties = rowsOf('party', nameOf);
  return {
    date: data.date,
    previousDate,
    tz,
    title: data.title ?? 'Ceasefire monitoring bulletin',
    totals: {
      incidents: count(totals.incidents),
      violations: count(total.violation),
      undetermined: count(total.undetermined),
      fatalities: { today: fatalitiesOf(totals.all.today), previous: fatalitiesOf(totals.all.previous) },
    },
    agreements: data.agreements.map((a) => ({ ...row('agreement', a.id, agreementLabel.get(a.id)!), status: a.status ?? null })),
    parties,
    guarantors: rowsOf('guarantor', nameOf),
    zones: rowsOf('zone', (key) => {
      const [agreement, zone] = key.split('/');
      return `${agreementLabel.get(agreement) ?? agreement}: ${zone}`;
    }),
    notable: notableIncidents(data, dayOf, findingsOf, nameOf),
    obligations: obligationRows(data, dayEnd),
    ...claimRows(data),
    map: buildMap(data, dayOf, findingsOf),
    chart: {
      title: 'Violations per party',
      bars: parties
        .slice(0, CHART_BARS)
        .map((r) => ({ label: r.label, today: r.violations.today, previous: r.violations.previous })),
    },
  };
}

interface Tally {
  incidents: Record<Day, Set<string>>;
  all: Record<Day, Set<string>>;
  violation: Record<Day, Set<string>>;
  undetermined: Record<Day, Set<string>>;
}

function newTally(): Tally {
  const pair = () => ({ today: new Set<string>(), previous: new Set<string>() });
  return { incidents: pair(), all: pair(), violation: pair(), undetermined: pair() };
}

function count(p: Record<Day, Set<string>>): DayCount {
  return { today: p.today.size, previous: p.previous.size };
}

function byCounts(a: CountRow, b: CountRow): number {
  return (
    b.violations.today - a.violations.today ||
    b.violations.previous - a.violations.previous ||
    b.undetermined.today - a.undetermined.today ||
    a.label.localeCompare(b.label)
  );
}

const VERDICT_RANK: Record<Verdict, number> = { violation: 3, undetermined: 2, permitted: 1, not_applicable: 0 };

function worstVerdict(findings: BulletinFinding[]): Verdict | 'none' {
  let best: Verdict | 'none' = 'none';
  for (const f of findings) if (best === 'none' || VERDICT_RANK[f.verdict] > VERDICT_RANK[best]) best = f.verdict;
  return best;
}

function notableIncidents(
  data: BulletinData,
  dayOf: Map<string, Day>,
  findingsOf: Map<string, BulletinFinding[]>,
  nameOf: (id: string | null | undefined) => string,
): NotableIncident[] {
  const candidates = data.incidents.filter((inc) => {
    if (dayOf.get(inc.id) !== 'today') return false;
    const v = worstVerdict(findingsOf.get(inc.id) ?? []);
    return v === 'violation' || v === 'undetermined';
  });
  const score = (inc: BulletinIncident) => [
    worstVerdict(findingsOf.get(inc.id) ?? []) === 'violation' ? 1 : 0,
    inc.fatalities?.total ?? 0,
    inc.sources?.length ?? 0,
  ];
  candidates.sort((a, b) => {
    const sa = score(a);
    const sb = score(b);
    return sb[0] - sa[0] || sb[1] - sa[1] || sb[2] - sa[2] || a.when.localeCompare(b.when) || a.id.localeCompare(b.id);
  });
  return candidates.slice(0, NOTABLE_LIMIT).map((inc) => ({
    id: inc.id,
    when: inc.when,
    place: placeOf(inc),
    type: inc.type,
    by: nameOf(inc.by),
    against: nameOf(inc.against),
    fatalities: inc.fatalities?.total ?? null,
    description: inc.description ?? null,
    verdicts: (findingsOf.get(inc.id) ?? [])
      .filter((f) => f.verdict !== 'not_applicable')
      .sort((a, b) => VERDICT_RANK[b.verdict] - VERDICT_RANK[a.verdict] || a.agreement.localeCompare(b.agreement))
      .map((f) => ({
        agreement: f.agreement,
        verdict: f.verdict,
        rule: f.rule,
        clause: f.clause ?? null,
        party: f.party ? nameOf(f.party) : null,
        answerable: f.answerable ? nameOf(f.answerable) : null,
        reasons: f.reasons,
      })),
    sources: inc.sources ?? [],
  }));
}

function placeOf(inc: BulletinIncident): string {
  const w = inc.where;
  const coords = w.lat !== undefined && w.lon !== undefined ? `${w.lat.toFixed(3)}, ${w.lon.toFixed(3)}` : null;
  if (w.name && coords) return `${w.name} (${coords})`;
  return w.name ?? coords ?? (w.admin ? `admin unit ${w.admin}` : 'unknown place');
}

function obligationRows(data: BulletinData, dayEnd: number): { due: ObligationRow[]; missed: ObligationRow[] } {
  const rows: ObligationRow[] = data.obligations.map((o) => {
    const due = o.due ? parseBoundary(o.due, data.tz) : null;
    return {
      agreement: o.agreement,
      rule: o.rule,
      kind: o.kind,
      clause: o.clause ?? null,
      who: o.who ?? [],
      due: o.due,
      status: o.status,
      days: due === null ? null : Math.floor((due - dayEnd) / DAY_MS),
      evidence: o.evidence ?? [],
    };
  });
  const order = (a: ObligationRow, b: ObligationRow) =>
    (a.days ?? 0) - (b.days ?? 0) || a.agreement.localeCompare(b.agreement) || a.rule.localeCompare(b.rule);
  return {
    due: rows
      .filter((r) => (r.status === 'pending' || r.status === 'unknown') && r.days !== null && r.days >= 0 && r.days <= DUE_WINDOW_DAYS)
      .sort(order),
    // most recently missed first: those are the news of the day
    missed: rows.filter((r) => r.status === 'missed').sort((a, b) => -order(a, b)),
  };
}

function claimRows(data: BulletinData): { claims: ClaimRow[]; denials: ClaimRow[] } {
  const rows = data.claims
    .filter((c) => localDateOf(c.when, data.tz) === data.date)
    .sort((a, b) => parseTime(a.when, data.tz).start - parseTime(b.when, data.tz).start || a.id.localeCompare(b.id));
  const toRow = (c: BulletinData['claims'][number]): ClaimRow => ({
    id: c.id,
    when: c.when,
    speaker: data.actors.find((a) => a.id === c.speaker)?.name ?? c.speaker,
    text: c.text,
    agreement: c.agreement ?? null,
    incident: c.incident ?? null,
    source: c.source ?? null,
  });
  return { claims: rows.filter((c) => c.kind === 'claim').map(toRow), denials: rows.filter((c) => c.kind === 'denial').map(toRow) };
}

/** The zones each located incident of the two days falls in. */
function zoneMembership(data: BulletinData): Map<string, BulletinData['zones']> {
  const out = new Map<string, BulletinData['zones']>();
  for (const inc of data.incidents) {
    const { lat, lon } = inc.where;
    if (lat === undefined || lon === undefined) continue;
    const hits = data.zones.filter((z) => booleanPointInPolygon([lon, lat], z.geometry));
    if (hits.length) out.set(inc.id, hits);
  }
  return out;
}

function buildMap(data: BulletinData, dayOf: Map<string, Day>, findingsOf: Map<string, BulletinFinding[]>): MapModel {
  const located = data.incidents.filter(
    (i) => dayOf.get(i.id) === 'today' && i.where.lat !== undefined && i.where.lon !== undefined,
  );
  const frame = data.basemap?.length ? data.basemap.map((b) => b.geometry) : data.zones.map((z) => z.geometry);
  const bbox = bboxOf(frame, located.map((i) => [i.where.lon!, i.where.lat!])) ?? [35.6, 32.3, 42.4, 37.4];
  const proj = fitProjection(bbox, MAP_WIDTH);
  return {
    width: proj.width,
    height: proj.height,
    base: (data.basemap ?? []).map((b) => ({ name: b.name ?? '', d: pathOf(b.geometry, proj) })),
    zones: data.zones.map((z) => ({ id: z.id, agreement: z.agreement, d: pathOf(z.geometry, proj) })),
    points: located.map((i) => {
      const [x, y] = proj.project([i.where.lon!, i.where.lat!]);
      // area proportional to deaths, as on casualty maps, capped so one massacre does not hide the rest
      const r = Math.min(3 + Math.sqrt(i.fatalities?.total ?? 0), 10);
      return { id: i.id, x, y, verdict: worstVerdict(findingsOf.get(i.id) ?? []), r: Math.round(r * 10) / 10 };
    }),
  };
}

/** The local calendar date (YYYY-MM-DD) of an instant or a day; null for a month or a year. */
export function localDateOf(when: string, tz: string): string | null {
  let t: ReturnType<typeof parseTime>;
  try {
    t = parseTime(when, tz);
  } catch {
    return null;
  }
  if (t.precision !== 'instant' && t.precision !== 'day') return null;
  return new Date(t.start + tzOffsetMs(tz, t.start)).toISOString().slice(0, 10);
}

export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
