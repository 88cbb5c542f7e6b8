/**
 * Incidents as CSV (RFC 4180: fields with a comma, quote or line break are quoted, quotes
 * doubled). A cell that starts with = + - @ is prefixed with ' so that spreadsheets do not run it
 * as a formula (OWASP "CSV Injection").
 */
import type { IncidentSummary } from '../schemas/incident.js';

const COLUMNS = [
  'id',
  'when',
  'when_start',
  'when_end',
  'lat',
  'lon',
  'precision_km',
  'place',
  'admin1',
  'admin2',
  'type',
  'hostile',
  'by',
  'against',
  'fatalities',
  'report_count',
  'source_count',
  'confidence',
  'review_state',
  'verdict',
  'agreements',
  'description',
] as const;
export const CSV_HEADER = COLUMNS.join(',');

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function incidentCsvRow(i: IncidentSummary): string {
  const row: Record<(typeof COLUMNS)[number], unknown> = {
    id: i.id,
    when: i.when,
    when_start: i.when_start,
    when_end: i.when_end,
    lat: i.where.lat,
    lon: i.where.lon,
    precision_km: i.where.precision_km,
    place: i.where.name,
    admin1: i.where.admin1,
    admin2: i.where.admin2,
    type: i.type,
    hostile: i.hostile,
    by: i.by,
    against: i.against,
    fatalities: i.fatalities,
    report_count: i.report_count,
    source_count: i.source_count,
    confidence: i.confidence,
    review_state: i.review_state,
    verdict: i.verdict,
    agreements: i.verdicts.map((v) => `${v.agreement}:${v.verdict}`).join(' '),
    description: i.description,
  };
  return COLUMNS.map((k) => csvCell(row[k])).join(',');
}
