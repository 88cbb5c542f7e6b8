/**
 * A submitted report text -> store inputs: extraction finds the incidents in the text (with
 * evidence spans), and each becomes one ReportInput carrying the whole text in its payload, so
 * that the incident page can show the text with its evidence highlighted. A text in which
 * extraction finds nothing is still stored (format `text`, no incident facts) so it is never lost.
 */
import { createHash } from 'node:crypto';
import { parseTime } from '../domain/time.js';
import { extractIncidentsFromText } from '../pipeline/extract/index.js';
import type { ReportInput } from '../store/store.js';

export interface SubmittedText {
  text: string;
  title?: string;
  outlet?: string;
  url?: string;
  published?: string;
  language?: string;
}

export interface TextReports {
  inputs: ReportInput[];
  warnings: string[];
}

export function reportsFromText(body: SubmittedText, submittedBy: string, tz = 'Asia/Damascus'): TextReports {
  const meta = {
    text: body.text,
    title: body.title ?? null,
    published: body.published ?? null,
    language: body.language ?? null,
    submitted_by: submittedBy,
  };
  const sources = body.outlet ? [body.outlet] : [];
  const { incidents, claims, warnings } = extractIncidentsFromText(body.text, {
    published: body.published,
    source: body.outlet,
  });
  // extraction numbers incidents per text (report-1, report-2...); prefix a digest of the text so
  // that incidents of different submissions never share an id
  const tag = `sub-${createHash('sha256').update(body.text).digest('hex').slice(0, 10)}`;
  const inputs: ReportInput[] = incidents.map((inc) => {
    let t: { start: number; end: number } | undefined;
    try {
      t = parseTime(inc.when, tz);
    } catch {
      warnings.push(`incident ${inc.id}: unreadable time ${inc.when}`);
    }
    return {
      format: 'text',
      external_id: `${tag}-${inc.id.replace(/^report-/, '')}`,
      sources,
      url: body.url ?? null,
      when: inc.when,
      t_start: t?.start ?? null,
      t_end: t?.end ?? null,
      lat: inc.where.lat,
      lon: inc.where.lon,
      precision_km: inc.where.precision_km,
      place: inc.where.name,
      admin1: inc.where.admin1 ?? null,
      admin2: inc.where.admin2 ?? null,
      type: inc.type,
      by: inc.by ?? null,
      against: inc.against ?? null,
      fatalities: inc.fatalities?.total ?? null,
      description: inc.description,
      payload: { ...meta, incident: inc, evidence: inc.evidence, claims: claims.filter((c) => c.incident === inc.id) },
    };
  });
  if (inputs.length === 0) {
    inputs.push({
      format: 'text',
      sources,
      url: body.url ?? null,
      when: body.published ?? null,
      description: body.title ?? null,
      payload: meta,
    });
  }
  return { inputs, warnings };
}
