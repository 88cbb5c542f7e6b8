/**
 * Evidence extraction: report text -> incidents (formats.md §4) and claims, every field with
 * the character spans and quoted words that support it.
 *
 * API (stable; the store's text ingestion calls `extractIncidentsFromText`):
 *
 *   extractReport(text, { published?, source?, file?, tz?, resources? }) -> ExtractResult
 *       { language, incidents: ExtractedIncident[], claims: ExtractedClaim[], warnings: string[],
 *         mentions (Arabic only), not_attempted (fields not extracted for this language),
 *         skipped: { comment: n, byline: n, ... } }
 *   extractReportBytes(bytes, options) -> ExtractResult | { error: string }   (file bytes: checks
 *       emptiness, binary content, UTF-8 validity and size before extracting)
 *   extractIncidentsFromText(text, { published?, source?, file? }) -> { incidents, claims, warnings }
 *       incidents are formats.md §4 objects (id, when, where, type, by, against, fatalities,
 *       sources, description) plus `evidence` and optional `when_range`; ids are
 *       `<file stem or "report">-<n>`; claims carry `incident` when they speak of one.
 *
 * `published` (ISO date or instant) anchors relative dates; without it the report's dateline
 * is used when one is found (with a warning), else incidents whose date depends on it are
 * dropped with a warning. Pipeline: decode -> segment (boilerplate out) -> sentences ->
 * per-sentence triggers, numbers, places, actors, dates (chrono only on sentences with a date
 * cue) -> incidents by sentence grouping -> claims. See docs/extraction.md.
 */
import { basename, extname } from 'node:path';
import type { DateContext, DateMention } from './dates.js';
import { findDates } from './dates.js';
import { decodeReport } from './input.js';
import { detectLanguage } from './language.js';
import { type ExtractResources, defaultResources } from './resources.js';
import { runPipeline } from './pipeline.js';
import type { ExtractResult } from './types.js';

export type { ExtractedClaim, ExtractedIncident, ExtractResult, Evidence } from './types.js';
export type { ExtractResources } from './resources.js';

export interface ExtractOptions {
  published?: string | Date;
  source?: string;
  file?: string;
  /** IANA zone for local dates; Syria's by default */
  tz?: string;
  resources?: ExtractResources;
}

export function extractReport(text: string, options: ExtractOptions = {}): ExtractResult {
  const tz = options.tz ?? 'Asia/Damascus';
  const warnings: string[] = [];
  const language = detectLanguage(text);
  const report = options.file ?? 'report';
  const stem = options.file ? basename(options.file, extname(options.file)) : 'report';
  let ref: Date | undefined;
  if (options.published !== undefined) {
    ref = options.published instanceof Date ? options.published : parsePublished(options.published, tz);
    if (!ref) warnings.push(`--published "${String(options.published)}" is not a date; relative dates left unresolved`);
  }
  let dateline: DateMention | undefined;
  if (!ref) {
    // a dateline near the top ("Wed 05 Apr 2017", "Update 6 Jan, 2017:") stands in for the
    // publication date when none was given
    const head = text.slice(0, 300);
    const probe = findDates(head, 0, { ref: new Date(Date.UTC(2100, 0, 1)), tz }).find((d) => d.precision === 'day' && /\b(?:19|20)\d\d\b/.test(d.text));
    if (probe) {
      dateline = probe;
      ref = new Date(`${probe.when}T12:00:00Z`);
      warnings.push(`no publication date given; using the dateline "${probe.text}" (${probe.when})`);
    }
  }
  const ctx: DateContext | undefined = ref ? { ref, tz } : undefined;
  return runPipeline(text, { ctx, dateline, language, report, stem, source: options.source, resources: options.resources ?? defaultResources(), warnings, tz });
}

export function extractReportBytes(bytes: Uint8Array, options: ExtractOptions = {}): ExtractResult | { error: string } {
  const decoded = decodeReport(bytes);
  if (!decoded.ok) return { error: decoded.reason };
  const r = extractReport(decoded.text, options);
  r.warnings.unshift(...decoded.warnings);
  return r;
}

/** For the store's text ingestion: incidents in the formats.md shape (plus evidence) and claims. */
export function extractIncidentsFromText(text: string, options: Omit<ExtractOptions, 'resources'> = {}) {
  const r = extractReport(text, options);
  return { incidents: r.incidents.map(({ kind: _k, report: _r, ...inc }) => inc), claims: r.claims, warnings: r.warnings };
}

function parsePublished(s: string, tz: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}).*)?$/.exec(s.trim());
  if (!m) return undefined;
  if (m[4] !== undefined) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  // a bare date: noon local, so that "yesterday" and weekdays land on the right local day
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T12:00:00Z`);
  void tz;
  return Number.isNaN(d.getTime()) ? undefined : d;
}
