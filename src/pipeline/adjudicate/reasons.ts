/**
 * The sentences of a finding's `reasons` (formats.md §6): short, in the words a monitor would read
 * out, each stating one fact that the verdict rests on ("in force since 2016-12-29T22:00Z",
 * "inside zone dmz (3.0 km from the line, band 7.5-10 km)", "civilians are protected").
 */
import { formatUtc } from '../../domain/time.js';
import type { CompiledAgreement } from './compiled-agreement.js';
import { EDGE, IN } from './containment.js';
import type { IncidentColumns } from './incident-columns.js';
import { PLACE_AREA, PLACE_POINT } from './incident-columns.js';
import type { IncidentSite } from './incident-site.js';
import type { MembershipSpan, PartyResolver } from './party-resolver.js';
import { boundaryAt } from './time-cache.js';

/** A time as written when it is a plain date (monitors read "2018-08-01"), else ISO UTC. */
export function when(v: string | Date | undefined, fallback?: number): string {
  if (typeof v === 'string' && !v.includes('T')) return v;
  if (v instanceof Date) return formatUtc(v.getTime());
  if (typeof v === 'string') return v;
  return fallback === undefined ? '' : formatUtc(fallback);
}

export function inForce(a: CompiledAgreement): string {
  return Number.isFinite(a.until)
    ? `in force from ${formatUtc(a.from)} until ${formatUtc(a.until)}`
    : `in force since ${formatUtc(a.from)}`;
}

export function outOfForce(a: CompiledAgreement, t: number): string {
  return t < a.from
    ? `not yet in force (from ${formatUtc(a.from)})`
    : `no longer in force (ended ${formatUtc(a.until)})`;
}

const km = (d: number) => (d >= 100 ? d.toFixed(0) : d.toFixed(1));
const width = (x: number) => String(Number(x.toFixed(2)));

/** "inside zone dmz (3.0 km from the line, band 7.5-10 km)" and its siblings. */
export function place(
  site: IncidentSite,
  cols: IncidentColumns,
  i: number,
  z: number,
  name: string,
  state: number,
  what = 'zone',
): string {
  const entry = site.entry(z);
  const label = `${what} ${name}`;
  if (entry.unavailable) return `${label} cannot be placed: ${entry.unavailable}`;
  if (cols.place[i] === PLACE_AREA) {
    const unit = `admin unit ${cols.areas[cols.area[i]]}`;
    if (state === IN) return `${unit} lies inside ${label}`;
    if (state === EDGE) return `${unit} straddles the edge of ${label}`;
    return `${unit} lies outside ${label}`;
  }
  if (cols.place[i] !== PLACE_POINT) return `the place "${cols.unknownPlaces[cols.area[i]]}" is not in the gazetteer`;
  // the site is focused on incident i: its point is (cols.lon[i], cols.lat[i])
  const d = site.distanceTo(z);
  const r = cols.radius[i];
  let detail: string;
  if (entry.buffer) {
    const { halfMin, halfMax } = entry.buffer;
    const band = halfMin === halfMax ? `within ${width(halfMin)} km` : `band ${width(halfMin)}-${width(halfMax)} km`;
    detail = `${km(d)} km from the line, ${band}`;
  } else {
    detail = `${km(d)} km from its edge`;
  }
  if (state === EDGE) {
    if (r === 0) return `in the uncertain band of ${label} (${detail})`;
    return `the ${width(r)} km precision circle straddles the edge of ${label} (${detail})`;
  }
  if (r > 0) detail = `precision ${width(r)} km, ${detail}`;
  return `${state === IN ? 'inside' : 'outside'} ${label} (${detail})`;
}

/** "ahrar-al-sham is bound as a member of national-front-for-liberation since 2018-10-01" */
export function bound(a: CompiledAgreement, P: PartyResolver, id: string, cls: number, via: number, t: number): string {
  if (via === cls) {
    const entry = a.versions[a.versionIndexAt(t)].bound.find((e) => typeof e !== 'string' && P.classOfId(e.id) === cls);
    if (entry && typeof entry !== 'string' && entry.from !== undefined)
      return `${id} is bound since ${when(entry.from)}`;
    return `${id} is bound`;
  }
  const path = P.membershipPath(cls, via, t, a.tz) ?? [];
  // the chain binds from when its last link became valid: the latest start date along it
  let latest: MembershipSpan['from'];
  let latestT = Number.NEGATIVE_INFINITY;
  for (const m of path) {
    if (m.from === undefined) continue;
    const mt = boundaryAt(m.from, a.tz);
    if (mt > latestT) {
      latestT = mt;
      latest = m.from;
    }
  }
  const chain = path.map((m) => m.coalitionId).join(', a member of ');
  const since = latest !== undefined ? ` since ${when(latest)}` : '';
  return `${id} is bound as a member of ${chain}${since}`;
}

export function excluded(P: PartyResolver, id: string, cls: number, via: number): string {
  if (via === cls) return `${id} is excluded`;
  const aff = P.affiliationsOf(cls).find((x) => x.target === via);
  return `${id} is excluded as an affiliate of ${aff?.targetId ?? P.classMembers[via][0]}`;
}

/** "jabhat-fateh-al-sham was renamed hayat-tahrir-al-sham on 2017-01-28", when the name differs at t. */
export function renamed(P: PartyResolver, written: string, atTime: string): string | null {
  if (written === atTime) return null;
  const since = P.renamedOn(atTime);
  return since !== undefined
    ? `${written} is known as ${atTime} since ${when(since)}`
    : `${written} is known as ${atTime} at that time`;
}

export function timeSpan(cols: IncidentColumns, i: number, tz: string, s: number, e: number): string {
  return `the incident's time ${cols.when[i]} is the interval ${formatUtc(s)} to ${formatUtc(e)} (${tz})`;
}

/** What happens at a cut inside an incident's time interval. */
export function cutName(a: CompiledAgreement, t: number): string {
  if (t === a.from) return `the start of the time in force (${formatUtc(t)})`;
  if (t === a.until) return `the end of the time in force (${formatUtc(t)})`;
  const k = a.versions.findIndex((v) => v.from === t);
  if (k > 0) return `the amendment of ${formatUtc(t)}`;
  const p = Array.from(a.phaseAt).indexOf(t);
  if (p >= 0) return `the completion of phase ${a.phases[p].id} (${formatUtc(t)})`;
  return `a change of parties or memberships (${formatUtc(t)})`;
}
