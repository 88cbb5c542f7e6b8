/**
 * Time in force and incident times (formats.md §3, §4).
 *
 * Every time a user writes is turned into a half-open interval [start, end) of epoch milliseconds:
 * an instant is the zero-width interval [t, t]; a date `2016-12-30` is that local day in the
 * workspace's IANA time zone; `2016-12` a month; `2016` a year. Intervals let the adjudicator
 * say "certainly inside", "certainly outside" or "straddles" without guessing a point in time.
 *
 * Local midnight is converted with the platform's IANA database (Intl), never a fixed offset:
 * Syria used UTC+2 in winter and UTC+3 in summer over 2016-2020, and a fixed offset is wrong
 * for half the year.
 */

export type TimePrecision = 'instant' | 'day' | 'month' | 'year';

export interface TimeInterval {
  /** inclusive start, epoch ms */
  start: number;
  /** exclusive end, epoch ms; equals start for an instant */
  end: number;
  precision: TimePrecision;
}

/** An ISO 8601 instant, offset optional (exported for JSON Schema generation). */
export const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
/** A year, month or day (exported for JSON Schema generation). */
export const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True when `tz` is an IANA zone name this runtime knows. */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const dtfCache = new Map<string, Intl.DateTimeFormat>();
function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = dtfCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    dtfCache.set(tz, f);
  }
  return f;
}

const QUARTER_HOUR = 900_000;
const offsetCache = new Map<string, Map<number, number>>();

/**
 * Offset of `tz` from UTC at instant `utcMs`, in ms (positive east of Greenwich).
 * Intl's formatToParts is slow (~microseconds), and API filters and incident times call this a lot.
 * Every IANA transition falls on a quarter hour, so the offset is constant within a quarter-hour
 * bucket and is memoised per bucket (bounded: the cache of a zone is dropped when it grows large).
 */
export function tzOffsetMs(tz: string, utcMs: number): number {
  if (tz === 'UTC' || tz === 'Etc/UTC') return 0;
  const bucket = Math.floor(utcMs / QUARTER_HOUR);
  let cache = offsetCache.get(tz);
  if (!cache) {
    cache = new Map();
    offsetCache.set(tz, cache);
  }
  const hit = cache.get(bucket);
  if (hit !== undefined) return hit;
  if (cache.size > 100_000) cache.clear();
  const offset = computeOffset(tz, utcMs);
  cache.set(bucket, offset);
  return offset;
}

function computeOffset(tz: string, utcMs: number): number {
  const parts = formatterFor(tz).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The UTC instant of a local wall-clock time in `tz`. Two passes resolve the offset at the target
 * instant (the usual approach, e.g. date-fns-tz `zonedTimeToUtc`); in a spring-forward gap the
 * later offset wins, which maps a non-existent local midnight to the first instant of the day.
 */
export function localToUtc(tz: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  let guess = wall - tzOffsetMs(tz, wall);
  const off2 = tzOffsetMs(tz, guess);
  guess = wall - off2;
  return guess;
}

function parseOffset(z: string): number {
  if (z === 'Z') return 0;
  const sign = z[0] === '-' ? -1 : 1;
  const digits = z.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

export class TimeParseError extends Error {}

/**
 * Parse a formats.md time: an ISO instant (with offset; without one it is local to `tz`),
 * or a partial date (year, month or day) interpreted in `tz`.
 * YAML may hand us a Date object for unquoted timestamps; we accept those as instants.
 */
export function parseTime(value: string | Date, tz: string): TimeInterval {
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) throw new TimeParseError('invalid date');
    return { start: t, end: t, precision: 'instant' };
  }
  const s = String(value).trim();
  let m = INSTANT_RE.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, frac, zone] = m;
    checkCalendar(+y, +mo, +d, s);
    if (+h > 24 || +mi > 59 || (sec !== undefined && +sec > 60)) throw new TimeParseError(`invalid time of day in "${s}"`);
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    let t: number;
    if (zone) {
      t = Date.UTC(+y, +mo - 1, +d, +h, +mi, sec ? +sec : 0, ms) - parseOffset(zone);
    } else {
      t = localToUtc(tz, +y, +mo, +d, +h, +mi, sec ? +sec : 0) + ms;
    }
    return { start: t, end: t, precision: 'instant' };
  }
  m = DATE_RE.exec(s);
  if (m) {
    const [, y, mo, d] = m;
    if (d !== undefined) {
      checkCalendar(+y, +mo, +d, s);
      const start = localToUtc(tz, +y, +mo, +d);
      const next = new Date(Date.UTC(+y, +mo - 1, +d + 1));
      const end = localToUtc(tz, next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
      return { start, end, precision: 'day' };
    }
    if (mo !== undefined) {
      if (+mo < 1 || +mo > 12) throw new TimeParseError(`month out of range in "${s}"`);
      const start = localToUtc(tz, +y, +mo, 1);
      const end = +mo === 12 ? localToUtc(tz, +y + 1, 1, 1) : localToUtc(tz, +y, +mo + 1, 1);
      return { start, end, precision: 'month' };
    }
    return { start: localToUtc(tz, +y, 1, 1), end: localToUtc(tz, +y + 1, 1, 1), precision: 'year' };
  }
  throw new TimeParseError(`"${s}" is neither an ISO 8601 instant nor a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
}

function checkCalendar(y: number, mo: number, d: number, s: string): void {
  if (mo < 1 || mo > 12) throw new TimeParseError(`month out of range in "${s}"`);
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) throw new TimeParseError(`day out of range in "${s}"`);
}

/**
 * The instant a bound (`from`/`until`/`by`) denotes: a date or partial date means its first
 * instant (00:00 local), as formats.md says for `in_force.from`.
 */
export function parseBoundary(value: string | Date, tz: string): number {
  return parseTime(value, tz).start;
}

/** Syntactic check used by schemas: does `s` look like a formats.md time? */
export function isTimeString(s: string): boolean {
  return INSTANT_RE.test(s.trim()) || DATE_RE.test(s.trim());
}

const formatted = new Map<number, string>();

/** ISO 8601 UTC with minute precision when seconds are zero, as findings print it ("2016-12-29T22:00Z"). */
export function formatUtc(ms: number): string {
  // findings repeat the same few instants (boundaries of days, amendments, phases) in their reasons
  let text = formatted.get(ms);
  if (text === undefined) {
    const iso = new Date(ms).toISOString();
    text = iso.endsWith(':00.000Z') ? `${iso.slice(0, 16)}Z` : iso.replace('.000Z', 'Z');
    if (formatted.size >= 65_536) formatted.clear();
    formatted.set(ms, text);
  }
  return text;
}

export const DAY_MS = 86_400_000;
