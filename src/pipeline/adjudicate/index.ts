/**
 * Adjudication: every incident against every agreement, with the reasons (formats.md §3-§5, §7-§9).
 *
 * Exports (stable; the store, the API and the bulletin call these):
 *
 *   createAdjudicator(workspace, { geometry? }): Adjudicator
 *       Compiles the agreements of a workspace (anything with {actors, agreements, dir?,
 *       zoneGeometries?}: the loader's Workspace fits). `geometry` supplies country/admin
 *       boundaries and the gazetteer; `builtinGeometry(places)` is the built-in one, and
 *       services/compliance-workspace.ts `adjudicatorFor(workspace)` wires it for you.
 *   adjudicator.adjudicate(incidents | columns, { all? }): Finding[]
 *       Findings sorted by incident time, id and agreement id; not_applicable only with `all`.
 *       `incidents` are objects valid against incidentSchema.
 *   adjudicator.newColumns(): IncidentColumns       columnar store; cols.addLine(json, lineNo)
 *       validates a JSONL line and returns null or "field: message".
 *   readIncidents(path | '-', cols): Promise<{lines, problems}>   streams JSONL into columns.
 *   adjudicator.findings(cols, { all? }): Generator<Finding, AdjudicationStats>   streaming.
 *   adjudicator.forEachFinding(cols, emit, { all? }): AdjudicationStats
 *   findingJson(finding): string     JSON.stringify(finding) by concatenation (the writers use it)
 *   computeObligations(adjudicator, cols, { at? }): ObligationStatus[]
 *       Status of every withdrawal, joint_patrol, humanitarian_access and phase rule: pending,
 *       met, missed or unknown, with the evidence (incident ids) and days left or overdue.
 *   adjudicator.complianceRows(cols): ComplianceRow[]     findings as rows (no reasons: fast)
 *   complianceSeries(rows, { by: day|week|month, group: party|guarantor|zone|agreement, tz? })
 *       Violations, undetermined, permitted and fatalities per period and group, each with the
 *       change from the previous period (the monitors' daily-report style). Pure: the API can
 *       build rows from stored findings too.
 *
 * Geometry is on the sphere (geodesy.ts, after Veness); zones are compiled once into local
 * planar frames with error bounds (polygon-zone.ts, buffer-zone.ts) and indexed with flatbush.
 */
export {
  type AdjudicationStats,
  type AdjudicationWorkspace,
  Adjudicator,
  type AdjudicatorOptions,
  createAdjudicator,
} from './adjudicator.js';
export { AgreementError } from './agreement-versions.js';
export { builtinGeometry, type ExtraPlace } from './builtin-geometry.js';
export {
  type ComplianceRow,
  type Counts,
  complianceSeries,
  type Grouping,
  nextPeriod,
  type Period,
  periodOf,
  previousPeriod,
  type SeriesRow,
} from './compliance-series.js';
export { type CompiledZone, type Containment, EDGE, IN, OUT } from './containment.js';
export { findingJson } from './finding-json.js';
export { distanceKm, distanceToArcKm, EARTH_RADIUS_KM } from './geodesy.js';
export { type AreaGeometry, type GeometrySource, type ResolvedPlace, toAreaGeometry } from './geometry-source.js';
export { IncidentColumns } from './incident-columns.js';
export {
  EVIDENCE_KINDS,
  type EvidenceKind,
  type ObligationEvidence,
  obligationEvidenceSchema,
} from './obligation-evidence.js';
export { amendedDeadline, computeObligations, type ObligationState, type ObligationStatus } from './obligations.js';
export { type LineProblem, type ReadResult, readIncidents } from './read-incidents.js';
export { NOT_APPLICABLE, PERMITTED, UNDETERMINED, VERDICT_NAMES, VIOLATION } from './verdict.js';
