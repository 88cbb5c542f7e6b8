/**
 * `truce export`: incidents with their findings, review state and sources, as JSON Lines
 * (formats.md §4 objects plus `review`, `confidence`, `corroboration` and `findings`, so the file
 * can be re-read by `truce adjudicate` and `truce ingest`), CSV (one row per incident) or a GeoJSON
 * FeatureCollection. Pages through the store, so memory stays flat on a large archive.
 */
import type { Writable } from 'node:stream';
import { toFinding } from '../store/queries/mappers.js';
import type { FindingRecord, IncidentFilter, IncidentSummary, Store } from '../store/store.js';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

async function findingsOf(store: Store, ids: string[]): Promise<Map<string, FindingRecord[]>> {
  const out = new Map<string, FindingRecord[]>();
  for (let i = 0; i < ids.length; i += 400) {
    const rows = await store.db.selectFrom('findings').selectAll().where('incident_id', 'in', ids.slice(i, i + 400)).orderBy('agreement_id').execute();
    for (const r of rows) {
      const list = out.get(r.incident_id) ?? [];
      list.push(toFinding(r));
      out.set(r.incident_id, list);
    }
  }
  return out;
}

export function exportObject(i: IncidentSummary, findings: FindingRecord[]): Record<string, unknown> {
  return {
    ...i.incident,
    review: { state: i.review_state, duplicate_of: i.duplicate_of },
    confidence: i.confidence,
    corroboration: { reports: i.report_count, sources: i.source_count, source_ids: i.source_ids },
    findings: findings.map((f) => ({
      agreement: f.agreement,
      verdict: f.verdict,
      computed_verdict: f.computed_verdict,
      rule: f.rule,
      clause: f.clause,
      party: f.party,
      answerable: f.answerable,
      reasons: f.reasons,
      ...(f.override ? { override: f.override } : {}),
    })),
  };
}

const CSV_COLUMNS = [
  'id', 'when', 'lat', 'lon', 'precision_km', 'place', 'admin1', 'admin2', 'type', 'by', 'against', 'fatalities',
  'reports', 'sources', 'source_ids', 'confidence', 'review_state', 'duplicate_of', 'verdicts', 'description',
] as const;

/** RFC 4180: quote fields holding a comma, quote or line break; double the quotes inside. */
function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvRow(i: IncidentSummary, findings: FindingRecord[]): string {
  const values: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    id: i.id,
    when: i.when,
    lat: i.lat,
    lon: i.lon,
    precision_km: i.precision_km,
    place: i.place,
    admin1: i.admin1,
    admin2: i.admin2,
    type: i.type,
    by: i.by,
    against: i.against,
    fatalities: i.fatalities,
    reports: i.report_count,
    sources: i.source_count,
    source_ids: i.source_ids.join(';'),
    confidence: i.confidence,
    review_state: i.review_state,
    duplicate_of: i.duplicate_of,
    verdicts: findings.map((f) => `${f.agreement}:${f.verdict}`).join(';'),
    description: i.description,
  };
  return CSV_COLUMNS.map((c) => csvField(values[c])).join(',');
}

function write(out: Writable, s: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.write(s)) resolve();
    else {
      out.once('drain', resolve);
      out.once('error', reject);
    }
  });
}

export async function exportIncidents(
  store: Store,
  filter: IncidentFilter,
  format: ExportFormat,
  out: Writable,
  within?: (lon: number, lat: number) => boolean,
): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  if (format === 'csv') await write(out, `${CSV_COLUMNS.join(',')}\r\n`);
  if (format === 'geojson') await write(out, '{"type":"FeatureCollection","features":[\n');
  do {
    const page = await store.listIncidents(filter, { limit: 500, cursor }, { within });
    const findings = await findingsOf(store, page.items.map((i) => i.id));
    let chunk = '';
    for (const i of page.items) {
      const f = findings.get(i.id) ?? [];
      if (format === 'csv') chunk += `${csvRow(i, f)}\r\n`;
      else if (format === 'jsonl') chunk += `${JSON.stringify(exportObject(i, f))}\n`;
      else {
        const geometry = i.lat !== null && i.lon !== null ? { type: 'Point', coordinates: [i.lon, i.lat] } : null;
        chunk += `${n ? ',\n' : ''}${JSON.stringify({ type: 'Feature', id: i.id, geometry, properties: exportObject(i, f) })}`;
      }
      n++;
    }
    await write(out, chunk);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  if (format === 'geojson') await write(out, '\n]}\n');
  return n;
}
