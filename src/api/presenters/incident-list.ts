/**
 * Incident list rows (the store's listIncidentPage) -> the API's list items, as objects (exports,
 * the bulletin) or straight to the JSON text of a page (GET /incidents). The text is written by
 * concatenation in the key order `incidentSummary` gives, with the verdicts copied from the JSON
 * the database keeps (incidents.list_verdicts): no object per item and no JSON.stringify of the
 * page, which were a third of the list's CPU (BENCHMARKS.md "## api"). The unit test holds the
 * text equal to JSON.stringify of the object form.
 */
import { VERDICTS, type Verdict } from '../../domain/finding.js';
import { isHostile } from '../../domain/incident.js';
import { gravest } from '../../services/incident-verdicts.js';
import type { IncidentListRow } from '../../store/queries/incidents.js';
import { VERDICT_BITS } from '../../store/verdict-rollups.js';
import type { Page } from '../backend.js';
import type { IncidentSummary } from '../schemas/incident.js';
import { incidentSummaryFields } from './incident.js';
import { isoInstant } from './iso-time.js';

/** The gravest verdict of every verdict mask (16 of them), through the one gravity order (gravest). */
const GRAVEST_OF_MASK: (Verdict | null)[] = Array.from({ length: 1 << VERDICTS.length }, (_, m) =>
  gravest(VERDICTS.filter((v) => m & VERDICT_BITS[v]).map((verdict) => ({ verdict }))),
);

export function listItem(r: IncidentListRow): IncidentSummary {
  return {
    ...incidentSummaryFields(r),
    verdict: GRAVEST_OF_MASK[r.verdict_mask] ?? null,
    verdicts: JSON.parse(r.verdicts_json) as IncidentSummary['verdicts'],
  };
}

const str = (s: string | null) => (s === null ? 'null' : JSON.stringify(s));
const num = (n: number | null) => (n === null || !Number.isFinite(n) ? 'null' : String(n));
// an ISO instant never needs escaping
const iso = (ms: number) => `"${isoInstant(ms)}"`;

/** JSON.stringify(listItem(r)), written directly. */
export function listItemJson(r: IncidentListRow): string {
  const verdict = GRAVEST_OF_MASK[r.verdict_mask] ?? null;
  return (
    `{"id":${str(r.id)},"when":${str(r.when)},"when_start":${iso(r.t_start)},"when_end":${iso(r.t_end)}` +
    `,"where":{"lat":${num(r.lat)},"lon":${num(r.lon)},"precision_km":${num(r.precision_km)},"name":${str(r.place)}` +
    `,"admin1":${str(r.admin1)},"admin2":${str(r.admin2)},"admin":${str(r.admin2 ?? r.admin1)}}` +
    `,"type":${str(r.type)},"hostile":${isHostile(r.type)},"by":${str(r.by)},"against":${str(r.against)}` +
    `,"fatalities":${num(r.fatalities)},"description":${str(r.description)},"report_count":${num(r.report_count)}` +
    `,"source_count":${num(r.source_count)},"confidence":${num(r.confidence)},"review_state":${str(r.review_state)}` +
    `,"verdict":${str(verdict)},"verdicts":${r.verdicts_json}}`
  );
}

/** JSON.stringify({ items: page.items.map(listItem), next_cursor }), written directly. */
export function listPageJson(page: Page<IncidentListRow>): string {
  let out = '{"items":[';
  for (let i = 0; i < page.items.length; i++) out += (i ? ',' : '') + listItemJson(page.items[i]);
  return `${out}],"next_cursor":${str(page.next_cursor)}}`;
}
