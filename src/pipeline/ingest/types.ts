/** What every reader yields: a report for the store, or an error naming the line. */
import type { ReportInput } from '../../domain/report-input.js';
import type { ActorRegistry } from '../resolve/actor-registry.js';

/** The fields of a report as readers produce them: the domain's ReportInput, which the store takes in. */
export type ReadReport = ReportInput;

/** A claim found in a report (text ingestion), before it is tied to an agreement. */
export interface ReadClaim {
  key: string;
  speaker: string;
  speaker_actor: string | null;
  stance: string;
  subject: { kind: 'agreement' | 'incident'; text: string };
  incident_external_id?: string;
  quote: string;
  at: string | null;
}

export type ReadItem =
  | { kind: 'report'; line: number; report: ReadReport }
  | { kind: 'claim'; line: number; claim: ReadClaim }
  | { kind: 'error'; line: number; message: string };

export interface ReaderContext {
  /** the file name recorded with each report (as given on the command line) */
  file: string;
  /** IANA zone for local dates (ACLED and UCDP dates are local days) */
  tz: string;
  registry?: ActorRegistry;
  /** extraction option: publication date of a text report */
  published?: string;
  /** source (outlet) of a text report */
  source?: string;
  /** called with the number of bytes read so far (progress bars) */
  onBytes?: (bytes: number) => void;
}

export const INGEST_FORMATS = ['text', 'jsonl', 'acled', 'ucdp'] as const;
export type IngestFormat = (typeof INGEST_FORMATS)[number];

/** A row mapper that throws (a date that does not exist, say) reports the message as the row's error. */
export function rowOrError(fn: () => ReadReport | string): ReadReport | string {
  try {
    return fn();
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
