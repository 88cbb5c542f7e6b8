/**
 * The daily bulletin: what a ceasefire monitor publishes every morning (issue 7). Two shapes:
 *
 * - `BulletinData`: everything gathered for the day from the store and the adjudicator (incidents
 *   of the day and the day before, their findings, obligation statuses, claims, geometry). It is
 *   plain JSON so that a fixture file can stand in for the store in golden tests.
 * - `Bulletin`: the model a renderer lays out (counts with the previous day beside them, notable
 *   incidents, obligations, claims, a projected map and a chart). `buildBulletin` is pure, so the
 *   same data always gives the same bulletin, byte for byte, in every format.
 */
import type { Verdict } from '../domain/finding.js';

export type LonLat = [number, number];
export type PolygonCoords = LonLat[][];

/** A polygonal geometry (GeoJSON Polygon or MultiPolygon). */
export type AreaGeometry = { type: 'Polygon'; coordinates: PolygonCoords } | { type: 'MultiPolygon'; coordinates: PolygonCoords[] };

export interface BulletinSource {
  outlet?: string;
  url?: string;
  title?: string;
  /** the sentence of the report that carries the evidence, when extraction kept it */
  quote?: string;
}

export interface BulletinIncident {
  id: string;
  when: string;
  where: { lat?: number; lon?: number; name?: string; admin?: string; precision_km?: number };
  type: string;
  by?: string | null;
  against?: string | null;
  fatalities?: { total?: number; civilians?: number; children?: number };
  description?: string;
  sources?: BulletinSource[];
  review?: string;
}

export interface BulletinFinding {
  incident: string;
  agreement: string;
  verdict: Verdict;
  rule: string | null;
  clause?: string | null;
  party: string | null;
  answerable: string | null;
  reasons: string[];
}

export type ObligationState = 'pending' | 'met' | 'missed' | 'unknown';

export interface BulletinObligation {
  agreement: string;
  rule: string;
  kind: string;
  clause?: string | null;
  who?: string[];
  /** the deadline, an instant or date as the agreement writes it; null when none */
  due: string | null;
  status: ObligationState;
  evidence?: string[];
}

export interface BulletinClaim {
  id: string;
  when: string;
  /** `claim`: someone asserts a fact (an attack, a withdrawal); `denial`: someone denies one */
  kind: 'claim' | 'denial';
  /** who speaks: an actor id, or an outlet or official's name */
  speaker: string;
  text: string;
  agreement?: string | null;
  incident?: string | null;
  source?: BulletinSource;
}

export interface BulletinData {
  /** the local day reported, YYYY-MM-DD */
  date: string;
  /** the IANA zone that day is read in (the agreements' `tz`, Asia/Damascus for Syria) */
  tz: string;
  title?: string;
  actors: { id: string; name: string }[];
  agreements: {
    id: string;
    title: string;
    short_name?: string;
    guarantors?: { actor: string; answers_for: string[] }[];
    /** public status (announced, disputed, confirmed, collapsed) when the store derives one */
    status?: string | null;
  }[];
  zones: { id: string; agreement: string; geometry: AreaGeometry }[];
  /** outline of the country and its governorates, drawn under everything */
  basemap?: { name?: string; geometry: AreaGeometry }[];
  incidents: BulletinIncident[];
  findings: BulletinFinding[];
  obligations: BulletinObligation[];
  claims: BulletinClaim[];
}

/** A count on the day and on the day before. */
export interface DayCount {
  today: number;
  previous: number;
}

export interface CountRow {
  key: string;
  label: string;
  violations: DayCount;
  undetermined: DayCount;
  fatalities: DayCount;
}

export interface NotableIncident {
  id: string;
  when: string;
  place: string;
  type: string;
  by: string;
  against: string;
  fatalities: number | null;
  description: string | null;
  verdicts: {
    agreement: string;
    verdict: Verdict;
    rule: string | null;
    clause: string | null;
    party: string | null;
    answerable: string | null;
    reasons: string[];
  }[];
  sources: BulletinSource[];
}

export interface ObligationRow {
  agreement: string;
  rule: string;
  kind: string;
  clause: string | null;
  who: string[];
  due: string | null;
  status: ObligationState;
  /** whole days until the deadline (negative when overdue), from the end of the reported day */
  days: number | null;
  evidence: string[];
}

export interface ClaimRow {
  id: string;
  when: string;
  speaker: string;
  text: string;
  agreement: string | null;
  incident: string | null;
  source: BulletinSource | null;
}

/** A map already projected to SVG user units, so renderers only draw. */
export interface MapModel {
  width: number;
  height: number;
  /** SVG path data for the base map (one path per unit) */
  base: { name: string; d: string }[];
  zones: { id: string; agreement: string; d: string }[];
  points: { id: string; x: number; y: number; verdict: Verdict | 'none'; r: number }[];
}

export interface ChartModel {
  title: string;
  bars: { label: string; today: number; previous: number }[];
}

export interface Bulletin {
  date: string;
  previousDate: string;
  tz: string;
  title: string;
  totals: { incidents: DayCount; violations: DayCount; undetermined: DayCount; fatalities: DayCount };
  agreements: (CountRow & { status: string | null })[];
  parties: CountRow[];
  guarantors: CountRow[];
  zones: CountRow[];
  notable: NotableIncident[];
  obligations: { due: ObligationRow[]; missed: ObligationRow[] };
  claims: ClaimRow[];
  denials: ClaimRow[];
  map: MapModel;
  chart: ChartModel;
}
