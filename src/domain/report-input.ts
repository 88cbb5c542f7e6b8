/**
 * A report as a reader produced it, before storage: what ingestion (src/pipeline/ingest) yields
 * and the store (src/store) takes in. It lives in the domain so that neither layer depends on the
 * other for it.
 */
export const REPORT_FORMATS = ['text', 'jsonl', 'acled', 'ucdp', 'manual'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportInput {
  format: ReportFormat;
  external_id?: string | null;
  file?: string | null;
  line?: number | null;
  /** source names as written (outlets); mapped to source ids by the store */
  sources?: string[];
  url?: string | null;
  when?: string | null;
  t_start?: number | null;
  t_end?: number | null;
  lat?: number | null;
  lon?: number | null;
  precision_km?: number | null;
  place?: string | null;
  admin1?: string | null;
  admin2?: string | null;
  type?: string | null;
  by?: string | null;
  against?: string | null;
  /** actor names the registry could not match: kept visible, never silently dropped */
  unmatched_actors?: string[];
  fatalities?: number | null;
  description?: string | null;
  /** the producer's record (an incident JSON object, the CSV row, the text) */
  payload: unknown;
  /** `payload` already serialised as JSON (takes precedence; CSV readers build it as text, which is cheaper) */
  payload_json?: string;
}
