/** Output shapes of extraction: formats.md §4 incidents with evidence, and claims. */
import type { Stance } from './claims.js';
import type { Span } from './fatalities.js';

export type Evidence = Partial<Record<'type' | 'when' | 'where' | 'by' | 'against' | 'fatalities', Span[]>>;

export interface ExtractedIncident {
  kind: 'incident';
  report: string;
  id: string;
  when: string;
  /** the exact days when `when` had to be a coarser partial date (a week, "Dec. 28/9") */
  when_range?: { from: string; to: string };
  where: { name: string; lat: number; lon: number; precision_km: number; admin1?: string; admin2?: string; qualifier?: string };
  type: string;
  by?: string | null;
  against?: string | null;
  fatalities?: { total?: number; civilians?: number; children?: number; low?: number; high?: number };
  sources?: Array<{ outlet?: string; title?: string }>;
  description: string;
  evidence: Evidence;
  /** facts taken from context rather than the incident's own sentences */
  inferred?: Array<'when' | 'where'>;
}

export interface ExtractedClaim {
  kind: 'claim';
  report: string;
  id: string;
  speaker: string;
  speaker_actor?: string | null;
  stance: Stance;
  hedged?: boolean;
  subject: { kind: 'agreement' | 'incident'; text: string };
  /** when the subject happens or takes effect, if the sentence dates it */
  when?: string;
  /** the incident the claim speaks of, when it is one this report describes */
  incident?: string;
  quote: string;
  evidence: { speaker: Span[]; cue: Span[]; stance: Span[]; subject: Span[]; when?: Span[] };
}

export interface Mention extends Span {
  kind: 'actor' | 'place';
  id?: string | null;
  lat?: number;
  lon?: number;
  admin1?: string;
}

export interface ExtractResult {
  language: 'en' | 'ar' | 'unknown';
  incidents: ExtractedIncident[];
  claims: ExtractedClaim[];
  warnings: string[];
  /** actor and place mentions (Arabic reports, where incidents are not attempted) */
  mentions?: Mention[];
  not_attempted?: string[];
  /** lines set aside as page furniture, by kind */
  skipped: Record<string, number>;
}
