/**
 * UCDP GED CSV -> reports (UCDP GED Codebook v23.1): date_start/date_end (the event happened
 * somewhere in that span), where_prec 1-7 (1 exact place ... 7 international waters), side_a /
 * side_b, type_of_violence (1 state-based, 2 non-state, 3 one-sided against civilians),
 * best/low/high deaths, source_office, source_headline, where_description, adm_1, adm_2.
 */
import { localDay } from './acled.js';
import type { ActorNameMapper } from './actor-names.js';
import { adminCode } from './admin-names.js';
import { type CsvReportFormat, readCsvReports } from './csv-report-reader.js';
import type { ReaderContext, ReadItem, ReadReport } from './types.js';

export const UCDP_REQUIRED = [
  'id',
  'date_start',
  'date_end',
  'where_prec',
  'side_a',
  'side_b',
  'best',
  'latitude',
  'longitude',
];
/** where_prec -> km of uncertainty: place, within 25 km, district, governorate, between places, country, waters */
const WHERE_PREC_KM: Record<string, number> = { '1': 1, '2': 25, '3': 50, '4': 100, '5': 50, '6': 300, '7': 500 };
const TYPE_OF_VIOLENCE: Record<string, string> = { '1': 'armed_clash', '2': 'armed_clash', '3': 'attack' };

function day(s: string | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec((s ?? '').trim());
  return m ? m[1] : null;
}

/** `row(name)` reads a column of the record (empty string when absent). */
export function ucdpRow(
  row: (name: string) => string,
  ctx: ReaderContext,
  actors: ActorNameMapper,
  line: number,
  payloadJson?: string,
): ReadReport | string {
  const id = row('id').trim();
  if (!id) return 'id is empty';
  const ds = day(row('date_start'));
  const de = day(row('date_end')) ?? ds;
  if (!ds || !de) return `date_start "${row('date_start')}" is not a date`;
  if (de < ds) return `date_end ${de} is before date_start ${ds}`;
  let t_start: number;
  let t_end: number;
  try {
    t_start = localDay(ds, ctx.tz).start;
    t_end = localDay(de, ctx.tz).end;
  } catch (err) {
    return `date_start/date_end "${ds}", "${de}": ${(err as Error).message}`;
  }
  // formats.md `when` has no ranges: the coarsest partial date that covers the span
  const when =
    ds === de
      ? ds
      : ds.slice(0, 7) === de.slice(0, 7)
        ? ds.slice(0, 7)
        : ds.slice(0, 4) === de.slice(0, 4)
          ? ds.slice(0, 4)
          : ds;
  const lat = Number(row('latitude'));
  const lon = Number(row('longitude'));
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || row('latitude').trim() === '')
    return `latitude/longitude "${row('latitude')}", "${row('longitude')}" are not coordinates`;
  const prec = row('where_prec').trim() ?? '';
  if (!(prec in WHERE_PREC_KM)) return `where_prec "${row('where_prec')}" is not 1-7`;
  const best = Number(row('best'));
  if (row('best').trim() && !(Number.isInteger(best) && best >= 0))
    return `best "${row('best')}" is not a whole number`;
  const a = actors.resolveAll(row('side_a') ?? '', '', t_start);
  const b = actors.resolveAll(row('side_b') ?? '', '', t_start);
  return {
    format: 'ucdp',
    external_id: `ucdp-${id}`,
    file: ctx.file,
    line,
    sources: (row('source_office') ?? '')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean),
    when,
    t_start,
    t_end,
    lat,
    lon,
    precision_km: WHERE_PREC_KM[prec],
    place: row('where_description').trim() || null,
    admin1: adminCode(row('adm_1'), 1),
    admin2: adminCode(row('adm_2'), 2),
    type: TYPE_OF_VIOLENCE[row('type_of_violence').trim() ?? ''] ?? 'armed_clash',
    by: a.id,
    against: b.id,
    unmatched_actors: [...a.unmatched, ...b.unmatched],
    fatalities: row('best').trim() ? best : null,
    description: row('source_headline').trim() || row('where_description').trim() || null,
    payload: null,
    payload_json: payloadJson,
  };
}

export const UCDP_CSV: CsvReportFormat = { label: 'a UCDP GED file', required: UCDP_REQUIRED, mapRow: ucdpRow };

export function readUcdp(path: string, ctx: ReaderContext): AsyncGenerator<ReadItem> {
  return readCsvReports(path, ctx, UCDP_CSV);
}
