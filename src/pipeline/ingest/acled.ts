/**
 * ACLED CSV exports -> reports. Column meanings from the ACLED Codebook (2019/2023):
 * event_date + time_precision (1 = the day, 2 = within a week, 3 = within a month),
 * sub_event_type (-> our snake_case types), actor1/assoc_actor_1 (perpetrator side),
 * actor2/assoc_actor_2, latitude/longitude + geo_precision (1 = the town itself, 2 = near a town
 * or part of a region, 3 = a larger region: we read those as 2, 25 and 50 km), fatalities,
 * source (semicolon-separated outlets), notes.
 */
import { DAY_MS, parseTime } from '../../domain/time.js';
import type { ActorNameMapper } from './actor-names.js';
import { adminCode } from './admin-names.js';
import { type CsvReportFormat, readCsvReports } from './csv-report-reader.js';
import type { ReaderContext, ReadItem, ReadReport } from './types.js';

export const ACLED_REQUIRED = ['event_id_cnty', 'event_date', 'sub_event_type', 'actor1', 'latitude', 'longitude'];
const GEO_PRECISION_KM: Record<string, number> = { '1': 2, '2': 25, '3': 50 };
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "Air/drone strike" -> "air_drone_strike" */
export function snakeType(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** ACLED dates: ISO "2020-05-09", or the older "9-May-20" / "09 May 2020". */
export function acledDate(s: string): string | null {
  const t = s.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const m = /^(\d{1,2})[-\s]([A-Za-z]{3})[a-z]*[-\s](\d{2}|\d{4})$/.exec(t);
  if (!m) return null;
  const mo = MONTHS.indexOf(m[2].toLowerCase());
  if (mo < 0) return null;
  const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return `${y}-${String(mo + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

function int(s: string | undefined): number | null {
  if (s === undefined || s.trim() === '') return null;
  const n = Number(s);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

const dayCache = new Map<string, { start: number; end: number }>();
/** parseTime through the IANA database costs microseconds; exports repeat a few thousand dates */
export function localDay(date: string, tz: string): { start: number; end: number } {
  const key = `${tz}\0${date}`;
  let d = dayCache.get(key);
  if (!d) {
    const t = parseTime(date, tz);
    d = { start: t.start, end: t.end };
    if (dayCache.size > 50_000) dayCache.clear();
    dayCache.set(key, d);
  }
  return d;
}

/** `row(name)` reads a column of the record (empty string when absent). */
export function acledRow(
  row: (name: string) => string,
  ctx: ReaderContext,
  actors: ActorNameMapper,
  line: number,
  payloadJson?: string,
): ReadReport | string {
  const id = row('event_id_cnty').trim();
  if (!id) return 'event_id_cnty is empty';
  const date = acledDate(row('event_date') ?? '');
  if (!date) return `event_date "${row('event_date')}" is not a date (YYYY-MM-DD or 9-May-20)`;
  let day: { start: number; end: number };
  try {
    day = localDay(date, ctx.tz);
  } catch (err) {
    return `event_date "${row('event_date')}": ${(err as Error).message}`;
  }
  let t_start = day.start;
  let t_end = day.end;
  let when = date;
  const tp = row('time_precision').trim();
  if (tp === '2') {
    t_start -= 3 * DAY_MS;
    t_end += 3 * DAY_MS;
  } else if (tp === '3') {
    when = date.slice(0, 7);
    const month = localDay(when, ctx.tz);
    t_start = month.start;
    t_end = month.end;
  }
  const lat = Number(row('latitude'));
  const lon = Number(row('longitude'));
  if (
    !Number.isFinite(lat) ||
    !Number.isFinite(lon) ||
    Math.abs(lat) > 90 ||
    Math.abs(lon) > 180 ||
    row('latitude').trim() === ''
  ) {
    return `latitude/longitude "${row('latitude')}", "${row('longitude')}" are not coordinates`;
  }
  const type = snakeType(row('sub_event_type') ?? '');
  if (!type) return 'sub_event_type is empty';
  const by = actors.resolveAll(row('actor1') ?? '', row('assoc_actor_1') ?? '', t_start);
  const against = actors.resolveAll(row('actor2') ?? '', row('assoc_actor_2') ?? '', t_start);
  const fatalities = int(row('fatalities'));
  if (row('fatalities').trim() && fatalities === null) return `fatalities "${row('fatalities')}" is not a whole number`;
  return {
    format: 'acled',
    external_id: id,
    file: ctx.file,
    line,
    sources: (row('source') ?? '')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean),
    when,
    t_start,
    t_end,
    lat,
    lon,
    precision_km: GEO_PRECISION_KM[row('geo_precision').trim() ?? ''] ?? null,
    place: row('location').trim() || null,
    admin1: adminCode(row('admin1'), 1),
    admin2: adminCode(row('admin2'), 2),
    type,
    by: by.id,
    against: against.id,
    unmatched_actors: [...by.unmatched, ...against.unmatched],
    fatalities,
    description: row('notes').trim() || null,
    payload: null,
    payload_json: payloadJson,
  };
}

export const ACLED_CSV: CsvReportFormat = { label: 'an ACLED export', required: ACLED_REQUIRED, mapRow: acledRow };

export function readAcled(path: string, ctx: ReaderContext): AsyncGenerator<ReadItem> {
  return readCsvReports(path, ctx, ACLED_CSV);
}
