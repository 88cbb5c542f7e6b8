/**
 * Reports with the evidence spans that support their incident. Extraction writes its evidence
 * into the incident object (`evidence`), either as a list of `{field, start, end, text}` or as
 * `{field: span | span[]}`; both are accepted. Quotes are taken from the span, or cut from the
 * report text when the span only has offsets.
 */
import type { IncidentSummary as StoreSummary, ReportRecord } from '../../store/records.js';
import type { ReportDetail, ReportSummary } from '../backend.js';

export interface Evidence {
  field: string;
  start: number;
  end: number;
  quote: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The text of a report: a text report's payload, or the text an extracted incident carries. */
export function reportText(r: ReportRecord): string | null {
  const p = r.payload;
  if (typeof p === 'string') return p;
  if (isObj(p)) {
    for (const k of ['text', 'source_text', 'report_text', 'notes'])
      if (typeof p[k] === 'string') return p[k] as string;
  }
  return r.description;
}

function span(field: string, v: unknown, text: string | null): Evidence | null {
  if (!isObj(v) || typeof v.start !== 'number' || typeof v.end !== 'number') return null;
  const quote =
    typeof v.text === 'string'
      ? v.text
      : typeof v.quote === 'string'
        ? v.quote
        : text
          ? text.slice(v.start, v.end)
          : '';
  return { field: typeof v.field === 'string' ? v.field : field, start: v.start, end: v.end, quote };
}

export function evidenceOf(holder: unknown, text: string | null): Evidence[] {
  if (!isObj(holder)) return [];
  const ev = holder.evidence;
  const out: Evidence[] = [];
  if (Array.isArray(ev)) {
    for (const e of ev) {
      const s = span('fact', e, text);
      if (s) out.push(s);
    }
  } else if (isObj(ev)) {
    for (const [field, v] of Object.entries(ev)) {
      for (const e of Array.isArray(v) ? v : [v]) {
        const s = span(field, e, text);
        if (s) out.push(s);
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

export function reportWithEvidence(r: ReportRecord, incident?: StoreSummary, sourceNames?: Map<string, string>) {
  const text = reportText(r);
  const own = evidenceOf(r.payload, text);
  const p = isObj(r.payload) ? r.payload : {};
  const first = r.source_ids[0];
  return {
    id: r.id,
    format: r.format,
    sources: r.source_ids,
    title: str(p.title),
    outlet: first ? (sourceNames?.get(first) ?? first) : null,
    url: r.url,
    when: r.when,
    published: str(p.published),
    ingested_at: r.ingested_at,
    text,
    evidence: own.length > 0 || !incident ? own : evidenceOf(incident.incident, text),
  };
}

export function reportSummary(r: ReportRecord): ReportSummary {
  const p = isObj(r.payload) ? r.payload : {};
  return {
    id: r.id,
    format: r.format,
    title: str(p.title),
    sources: r.source_ids,
    url: r.url,
    when: r.when,
    status: r.status,
    incident: r.incident_id,
    submitted_by: str(p.submitted_by),
    ingested_at: r.ingested_at,
  };
}

export function reportDetail(r: ReportRecord): ReportDetail {
  const w = reportWithEvidence(r);
  return { ...reportSummary(r), text: w.text, evidence: w.evidence, description: r.description };
}
