/** Store records -> the API's incident shapes (schemas/incident.ts). */
import type { Verdict } from '../../domain/finding.js';
import { isHostile } from '../../domain/incident.js';
import { gravest, type IncidentVerdict } from '../../services/incident-verdicts.js';
import type {
  FindingRecord,
  IncidentDetail as StoreDetail,
  IncidentSummary as StoreSummary,
} from '../../store/records.js';
import type { FindingOut, IncidentDetail, IncidentSummary } from '../schemas/incident.js';
import { reportWithEvidence } from './report.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** The store columns a list item shows (the store's list page, listIncidentPage, reads only these). */
export type SummaryColumns = Omit<
  StoreSummary,
  'source_ids' | 'locked_by' | 'duplicate_of' | 'updated_at' | 'incident'
>;

/** Every field of a list item but the verdicts (shared by the object and the JSON text forms). */
export function incidentSummaryFields(i: SummaryColumns): Omit<IncidentSummary, 'verdict' | 'verdicts'> {
  return {
    id: i.id,
    when: i.when,
    when_start: iso(i.t_start),
    when_end: iso(i.t_end),
    where: {
      lat: i.lat,
      lon: i.lon,
      precision_km: i.precision_km,
      name: i.place,
      admin1: i.admin1,
      admin2: i.admin2,
      admin: i.admin2 ?? i.admin1,
    },
    type: i.type,
    hostile: isHostile(i.type),
    by: i.by,
    against: i.against,
    fatalities: i.fatalities,
    description: i.description,
    report_count: i.report_count,
    source_count: i.source_count,
    confidence: i.confidence,
    review_state: i.review_state,
  };
}

export function incidentSummary(i: SummaryColumns, verdicts: IncidentVerdict[]): IncidentSummary {
  return {
    ...incidentSummaryFields(i),
    verdict: gravest(verdicts),
    verdicts: verdicts.map((v) => ({
      agreement: v.agreement,
      verdict: v.verdict,
      rule: v.rule,
      party: v.party,
      answerable: v.answerable,
      overridden: v.verdict !== v.computed_verdict,
    })),
  };
}

export function finding(f: FindingRecord): FindingOut {
  return {
    incident: f.incident,
    agreement: f.agreement,
    verdict: f.verdict,
    rule: f.rule,
    clause: f.clause,
    party: f.party,
    answerable: f.answerable,
    reasons: f.reasons,
    overridden: f.override !== null,
    computed_verdict: f.override ? f.computed_verdict : null,
    justification: f.override?.justification ?? null,
  };
}

export function incidentDetail(d: StoreDetail): IncidentDetail {
  const verdicts: IncidentVerdict[] = d.findings.map((f) => ({
    agreement: f.agreement,
    verdict: f.verdict,
    computed_verdict: f.computed_verdict as Verdict,
    rule: f.rule,
    party: f.party,
    answerable: f.answerable,
  }));
  return {
    ...incidentSummary(d, verdicts),
    sources: d.sources.map((s) => ({
      id: s.id,
      name: s.name,
      outlet: s.name,
      reliability: s.reliability,
      kind: s.kind,
      url: s.url,
      title: null,
    })),
    reports: d.reports.map((r) => reportWithEvidence(r, d, new Map(d.sources.map((s) => [s.id, s.name])))),
    findings: d.findings.map(finding),
    claims: d.claims.map((c) => ({
      id: c.id,
      agreement: c.agreement_id,
      kind: c.kind,
      claimant: c.claimant,
      text: c.text,
      at: c.at,
    })),
    review: {
      state: d.review_state,
      locked_by: d.locked_by,
      duplicate_of: d.duplicate_of,
      history: d.history.map((h) => ({
        at: h.at,
        action: h.action,
        by: h.actor,
        justification: h.justification,
        details: h.after && typeof h.after === 'object' ? (h.after as Record<string, unknown>) : null,
      })),
    },
  };
}
