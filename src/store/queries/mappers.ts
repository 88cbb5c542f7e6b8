/** Row -> record mappers shared by the query modules. */
import type { Finding, Verdict } from '../../domain/finding.js';
import type { AuditEntry, ClaimRecord, FindingRecord, IncidentSummary, ReportRecord, ReviewState, SourceRecord } from '../records.js';
import type { ClaimsTable, FindingsTable, IncidentsTable, ReportsTable, SourcesTable } from '../schema.js';

export const iso = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());

function parse<T>(s: string | null, fallback: T): T {
  if (s === null || s === undefined) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

/** The formats.md §4 incident object of a stored incident. */
export function incidentObject(r: IncidentsTable, sources: { outlet?: string; url?: string }[] = []): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  if (r.lat !== null && r.lon !== null) {
    where.lat = r.lat;
    where.lon = r.lon;
    if (r.precision_km !== null) where.precision_km = r.precision_km;
  }
  if (r.place) where.name = r.place;
  if (r.admin2) where.admin2 = r.admin2;
  if (r.admin1) where.admin1 = r.admin1;
  if (r.lat === null && !r.place && (r.admin2 || r.admin1)) where.admin = r.admin2 ?? r.admin1;
  const inc: Record<string, unknown> = { ...parse<Record<string, unknown>>(r.extra, {}), id: r.id, when: r.at_text, where, type: r.type };
  if (r.by_actor) inc.by = r.by_actor;
  if (r.against_actor) inc.against = r.against_actor;
  if (r.fatalities !== null) inc.fatalities = { total: Number(r.fatalities) };
  if (sources.length) inc.sources = sources;
  if (r.description) inc.description = r.description;
  return inc;
}

export function toIncident(r: IncidentsTable): IncidentSummary {
  const source_ids = parse<string[]>(r.source_ids, []);
  return {
    id: r.id,
    when: r.at_text,
    t_start: Number(r.t_start),
    t_end: Number(r.t_end),
    lat: r.lat,
    lon: r.lon,
    precision_km: r.precision_km,
    place: r.place,
    admin1: r.admin1,
    admin2: r.admin2,
    type: r.type,
    by: r.by_actor,
    against: r.against_actor,
    fatalities: r.fatalities === null ? null : Number(r.fatalities),
    description: r.description,
    report_count: Number(r.report_count),
    source_count: Number(r.source_count),
    source_ids,
    confidence: Number(r.confidence),
    review_state: r.review_state as ReviewState,
    locked_by: r.locked_by,
    duplicate_of: r.duplicate_of,
    updated_at: iso(r.updated_at)!,
    incident: incidentObject(r, source_ids.map((outlet) => ({ outlet }))),
  };
}

export function toReport(r: ReportsTable): ReportRecord {
  return {
    id: r.id,
    content_hash: r.content_hash,
    format: r.format as ReportRecord['format'],
    external_id: r.external_id,
    file: r.file,
    line: r.line === null ? null : Number(r.line),
    source_ids: parse<string[]>(r.source_ids, []),
    url: r.url,
    when: r.at_text,
    t_start: r.t_start === null ? null : Number(r.t_start),
    t_end: r.t_end === null ? null : Number(r.t_end),
    lat: r.lat,
    lon: r.lon,
    precision_km: r.precision_km,
    place: r.place,
    admin1: r.admin1,
    admin2: r.admin2,
    type: r.type,
    by: r.by_actor,
    against: r.against_actor,
    unmatched_actors: parse<string[]>(r.unmatched, []),
    fatalities: r.fatalities === null ? null : Number(r.fatalities),
    description: r.description,
    status: r.status as ReportRecord['status'],
    incident_id: r.incident_id,
    ingested_at: iso(r.ingested_at)!,
    processed_at: iso(r.processed_at),
    payload: parse<unknown>(r.payload, null),
  };
}

export function toSource(r: SourcesTable): SourceRecord {
  return {
    id: r.id,
    name: r.name,
    reliability: r.reliability,
    weight: Number(r.weight),
    kind: r.kind,
    url: r.url,
    report_count: Number(r.report_count),
  };
}

export function toFinding(r: FindingsTable): FindingRecord {
  const override = r.override_verdict
    ? { verdict: r.override_verdict as Verdict, justification: r.override_justification ?? '', by: r.override_by ?? '', at: iso(r.override_at)! }
    : null;
  return {
    incident: r.incident_id,
    agreement: r.agreement_id,
    verdict: (override?.verdict ?? r.verdict) as Verdict,
    computed_verdict: r.verdict as Verdict,
    rule: r.rule,
    clause: r.clause,
    party: r.party,
    answerable: r.answerable,
    reasons: parse<string[]>(r.reasons, []),
    sources: parse<Finding['sources'] & object>(r.sources, []),
    computed_at: iso(r.computed_at)!,
    override,
    t_start: Number(r.t_start),
  };
}

export function toClaim(r: ClaimsTable): ClaimRecord {
  return {
    id: r.id,
    agreement_id: r.agreement_id,
    incident_id: r.incident_id,
    report_id: r.report_id,
    kind: r.kind as ClaimRecord['kind'],
    claimant: r.claimant,
    subject: r.subject,
    at: r.at_text,
    text: r.text,
    source_id: r.source_id,
    url: r.url,
    created_by: r.created_by,
    created_at: iso(r.created_at)!,
  };
}

export function toAudit(r: { id: number; at: number; actor: string; action: string; entity_type: string; entity_id: string; before: string | null; after: string | null; justification: string | null }): AuditEntry {
  return {
    id: Number(r.id),
    at: iso(r.at)!,
    actor: r.actor,
    action: r.action,
    entity_type: r.entity_type,
    entity_id: r.entity_id,
    before: parse<unknown>(r.before, null),
    after: parse<unknown>(r.after, null),
    justification: r.justification,
  };
}

/** Opaque cursor: base64url of the sort key of the last item. */
export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}
export function decodeCursor(cursor: string | undefined): (string | number)[] | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}
