/**
 * The dashboard's client for the Truce HTTP API (`/api/v1`, described at /openapi.json). Types
 * mirror the API's schemas (src/api/schemas) for the fields the pages read. The token, when one
 * is entered, is sent as `Authorization: Bearer`.
 */
import type { ClusterFeature, MapView, PointFeature } from '../../src/services/incident-map-clusters.js';
import { getToken } from './token.js';

export type Verdict = 'violation' | 'permitted' | 'undetermined' | 'not_applicable';
/** the store's review states (src/store/records.ts), as the API reports them */
export type ReviewState = 'reported' | 'under_review' | 'verified' | 'duplicate' | 'unverifiable' | 'rejected';
export const REVIEW_STATES: ReviewState[] = ['reported', 'under_review', 'verified', 'duplicate', 'unverifiable', 'rejected'];
export const VERDICTS: Verdict[] = ['violation', 'undetermined', 'permitted', 'not_applicable'];

export interface VerdictSummary {
  agreement: string;
  verdict: Verdict;
  rule: string | null;
  party: string | null;
  answerable: string | null;
  overridden: boolean;
}
export interface IncidentSummary {
  id: string;
  when: string;
  when_start: string;
  when_end: string;
  where: { lat: number | null; lon: number | null; precision_km: number | null; name: string | null; admin: string | null };
  type: string;
  hostile: boolean;
  by: string | null;
  against: string | null;
  fatalities: number | null;
  description: string | null;
  review_state: ReviewState;
  verdict: Verdict | null;
  verdicts: VerdictSummary[];
}
export interface Finding {
  incident: string;
  agreement: string;
  verdict: Verdict;
  rule: string | null;
  clause: string | null;
  party: string | null;
  answerable: string | null;
  reasons: string[];
  overridden: boolean;
  computed_verdict: Verdict | null;
  justification: string | null;
}
export interface EvidenceSpan {
  field: string;
  start: number;
  end: number;
  quote: string;
}
export interface IncidentDetail extends IncidentSummary {
  sources: { id?: string; name?: string; outlet?: string | null; url: string | null; title?: string | null; reliability?: string | null }[];
  reports: {
    id: string;
    format?: string;
    title: string | null;
    outlet: string | null;
    url: string | null;
    published: string | null;
    /** null when only structured data was received (a CSV row, a JSONL incident) */
    text: string | null;
    evidence: EvidenceSpan[];
  }[];
  claims?: { id: string; agreement: string; kind: string; claimant: string | null; text: string | null; at: string }[];
  findings: Finding[];
  review: {
    state: ReviewState;
    locked_by: string | null;
    duplicate_of: string | null;
    history: { at: string; action: string; by: string | null; justification: string | null; details: Record<string, unknown> | null }[];
  };
}
/** A cluster (`cluster: true`) or a single incident on the map, and the whole answer, as GET /incidents/map sends them (the server's own types). */
export type MapFeature = ClusterFeature | PointFeature;
export type IncidentMapAnswer = MapView;
export interface ActorRef {
  id: string;
  name: string;
  kind: string | null;
}
export interface AgreementSummary {
  id: string;
  title: string;
  short_name: string | null;
  country: string;
  signed: string | null;
  in_force: { from: string; until: string | null };
  tz: string;
  status: string;
  counts: { bound: number; guarantors: number; excluded: number; rules: number; zones: number };
}
type PartyPeriod = ActorRef & { from: string | null; until: string | null };
export interface Claim {
  id: string;
  agreement: string | null;
  actor: string | null;
  kind: string;
  text: string;
  date: string | null;
  source: { outlet: string | null; url: string | null; title: string | null } | null;
  incident: string | null;
}
export interface AgreementDetail extends AgreementSummary {
  documents: { title: string; url: string | null; published: string | null }[];
  parties: { bound: PartyPeriod[]; guarantors: (ActorRef & { answers_for: string[] })[]; excluded: PartyPeriod[]; excluded_affiliates: boolean };
  rules: { id: string; kind: string; clause: string | null; note: string | null; spec: Record<string, unknown>; amended_by: string[] }[];
  zones: GeoJSON.FeatureCollection;
  amendments: { from: string; document: string | null; note: string | null; changes: string[] }[];
  milestones: { date: string; title: string; status: string; note: string | null }[];
  status_history: { from: string; until: string | null; status: string; note: string | null }[];
  obligations: { rule: string; kind: string; clause: string | null; who: string[]; description: string; due: string | null; status: string; reasons: string[] }[];
  claims: Claim[];
}
export interface ComplianceSeries {
  bucket: 'day' | 'week' | 'month';
  group: string;
  period: { from: string; to: string };
  previous_period: { from: string; to: string };
  series: { key: string | null; label: string; total: number; previous_total: number; points: { start: string; count: number }[]; previous: { start: string; count: number }[] }[];
}
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}
export interface About {
  name: string;
  api_version: string;
  public_read: boolean;
  you: { authenticated: boolean; name: string | null; role: string | null };
  /** `tile_url` from the server's configuration (truce.yaml); null: the bundled boundaries only */
  map?: { tile_url: string | null };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: unknown,
  ) {
    super(message);
  }
}

export const API = './api/v1';

function headers(json = false): HeadersInit {
  const h: Record<string, string> = { accept: 'application/json' };
  const t = getToken();
  if (t) h.authorization = `Bearer ${t}`;
  if (json) h['content-type'] = 'application/json';
  return h;
}

async function parse<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string; fields?: unknown } } | null)?.error;
    throw new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? `${res.status} ${res.statusText}`, e?.fields);
  }
  return body as T;
}

export function query(params: Record<string, string | string[] | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export async function get<T>(path: string): Promise<T> {
  return parse<T>(await fetch(`${API}${path}`, { headers: headers() }));
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  return parse<T>(await fetch(`${API}${path}`, { method: 'POST', headers: headers(true), body: JSON.stringify(body) }));
}

export const api = {
  about: () => get<About>(''),
  actors: () => get<{ items: ActorRef[] }>('/actors'),
  agreements: () => get<{ items: AgreementSummary[] }>('/agreements'),
  agreement: (id: string) => get<AgreementDetail>(`/agreements/${encodeURIComponent(id)}`),
  zones: (id: string) => get<GeoJSON.FeatureCollection>(`/agreements/${encodeURIComponent(id)}/zones`),
  incidents: (q: string) => get<Page<IncidentSummary>>(`/incidents${q}`),
  incidentsGeoJson: (q: string) => get<GeoJSON.FeatureCollection>(`/incidents.geojson${q}`),
  /** What the map draws at one zoom and view, clustered by the server (GET /incidents/map). */
  incidentMap: (q: string) => get<IncidentMapAnswer>(`/incidents/map${q}`),
  incident: (id: string) => get<IncidentDetail>(`/incidents/${encodeURIComponent(id)}`),
  compliance: (q: string) => get<ComplianceSeries>(`/compliance${q}`),
  submitReport: (body: { text: string; title?: string; outlet?: string; url?: string; published?: string }) =>
    post<{ report: { id: string }; incidents: IncidentSummary[]; findings: Finding[] }>('/reports', body),
  review: (id: string, action: Record<string, unknown>) => post<IncidentDetail>(`/incidents/${encodeURIComponent(id)}/review`, action),
};

const OUTCOMES = new Set(['verify', 'unverifiable', 'reject', 'duplicate']);

/**
 * A review outcome needs the incident locked by the acting analyst (the store's rule); take the
 * lock first when the incident is not yet under review, so one click verifies.
 */
export async function reviewWithLock(id: string, state: ReviewState, action: Record<string, unknown>): Promise<IncidentDetail> {
  if (OUTCOMES.has(String(action.action)) && state !== 'under_review') await api.review(id, { action: 'lock' });
  return api.review(id, action);
}
