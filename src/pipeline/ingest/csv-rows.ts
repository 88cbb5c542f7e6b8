/**
 * CSV files as records with their line numbers, streamed (a million-row export never sits in
 * memory whole). RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): fields separated by commas,
 * records by CRLF or LF, double quotes around fields holding commas, quotes or line breaks, a
 * quote inside doubled. Hand-written rather than csv-parse because csv-parse measured 8 MB/s on
 * this machine (a 400 MB ACLED export: 50 s) against ~100 MB/s here, and ingestion must reach
 * 100,000 rows/s; test/ingest/csv-rows.test.ts checks it against csv-parse on random input.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export interface CsvRecord {
  /** line number where the record starts (1 = the header) */
  line: number;
  /** the field values, in header order */
  fields: string[];
  header: CsvHeader;
}

/** A header: names in order, and the index of each name. */
export class CsvHeader {
  readonly index = new Map<string, number>();
  constructor(readonly names: string[]) {
    for (let i = 0; i < names.length; i++) this.index.set(names[i], i);
    this.keys = names.map((n, i) => `${i ? ',' : '{'}${JSON.stringify(n)}:`);
  }
  /** the names as JSON keys, stringified once per file rather than once per row */
  private readonly keys: string[];
  has(name: string): boolean {
    return this.index.has(name);
  }
  /** an accessor for one column: a function is cheaper than an object per row */
  column(name: string): (fields: string[]) => string {
    const i = this.index.get(name);
    return i === undefined ? () => '' : (f) => f[i] ?? '';
  }
  /**
   * The record as a JSON object, built as text (no intermediate object per row). Identical to
   * JSON.stringify of the object: a value is copied between quotes as it is unless it holds a
   * character JSON escapes (quote, backslash, control characters, surrogates), and only those
   * few go through JSON.stringify; the text feeds the content hash, so it must not change.
   */
  json(fields: string[]): string {
    const keys = this.keys;
    let out = '';
    for (let i = 0; i < keys.length; i++) {
      const v = fields[i] ?? '';
      out += NEEDS_ESCAPE.test(v) ? keys[i] + JSON.stringify(v) : `${keys[i]}"${v}"`;
    }
    return keys.length ? `${out}}` : '{}';
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Splits complete records off the front of `text`. Returns the records (as field arrays with
 * their first line) and how much of `text` was consumed; an incomplete last record is left for
 * the next chunk unless `final`.
 */
export function splitRecords(text: string, firstLine: number, final: boolean): { records: { line: number; fields: string[] }[]; consumed: number; line: number; error?: string } {
  const records: { line: number; fields: string[] }[] = [];
  const n = text.length;
  let pos = 0;
  let line = firstLine;
  while (pos < n) {
    const start = pos;
    const startLine = line;
    const fields: string[] = [];
    let complete = false;
    for (;;) {
      if (pos < n && text.charCodeAt(pos) === QUOTE) {
        // quoted field: runs to the next quote not doubled
        let value = '';
        let k = pos + 1;
        let closed = false;
        for (;;) {
          const j = text.indexOf('"', k);
          if (j < 0) break;
          if (j + 1 < n && text.charCodeAt(j + 1) === QUOTE) {
            value += text.slice(k, j + 1);
            k = j + 2;
            continue;
          }
          if (j + 1 >= n && !final) break; // a doubled quote may straddle chunks
          value += text.slice(k, j);
          k = j + 1;
          closed = true;
          break;
        }
        if (!closed) {
          if (final) return { records, consumed: start, line: startLine, error: `line ${startLine}: a quoted field is never closed` };
          return { records, consumed: start, line: startLine };
        }
        for (let i = pos; i < k; i++) if (text.charCodeAt(i) === LF) line++;
        fields.push(value);
        pos = k;
        const c = pos < n ? text.charCodeAt(pos) : -1;
        if (c === COMMA) {
          pos++;
          continue;
        }
        if (c === CR || c === LF || c === -1) {
          if (c === -1 && !final) return { records, consumed: start, line: startLine };
          complete = true;
          break;
        }
        return { records, consumed: start, line: startLine, error: `line ${line}: unexpected character after a quoted field` };
      }
      let k = pos;
      let c = -1;
      while (k < n) {
        c = text.charCodeAt(k);
        if (c === COMMA || c === LF || c === CR) break;
        k++;
      }
      if (k >= n && !final) return { records, consumed: start, line: startLine };
      fields.push(text.slice(pos, k));
      pos = k;
      if (k < n && c === COMMA) {
        pos++;
        continue;
      }
      complete = true;
      break;
    }
    if (!complete) break;
    // end of record: CRLF, LF, or the end of the text
    if (pos < n && text.charCodeAt(pos) === CR) pos++;
    if (pos < n && text.charCodeAt(pos) === LF) pos++;
    line++;
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: startLine, fields });
  }
  return { records, consumed: pos, line };
}

/** The records of one chunk of the file, sharing one header (or the error that stops reading). */
export type CsvChunk = { header: CsvHeader; records: { line: number; fields: string[] }[] } | { line: number; error: string };

/**
 * The records a chunk (1 MiB) at a time: one await per chunk rather than one per record (an
 * async generator step per row cost a promise and a microtask per layer of readers).
 */
export async function* csvChunks(path: string, onBytes?: (n: number) => void): AsyncGenerator<CsvChunk> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const decoder = new StringDecoder('utf8');
  let header: CsvHeader | null = null;
  let rest = '';
  let line = 1;
  let bytes = 0;
  const withHeader = (records: { line: number; fields: string[] }[]): CsvChunk | null => {
    if (!header && records.length) {
      const names = records[0].fields;
      header = new CsvHeader(names.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim()));
      records = records.slice(1);
    }
    return header && records.length ? { header, records } : null;
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    onBytes?.(bytes);
    const text = rest + decoder.write(chunk);
    const res = splitRecords(text, line, false);
    if (res.error) {
      yield { line: res.line, error: res.error };
      return;
    }
    const c = withHeader(res.records);
    if (c) yield c;
    rest = text.slice(res.consumed);
    line = res.line;
  }
  const res = splitRecords(rest + decoder.end(), line, true);
  const c = withHeader(res.records);
  if (c) yield c;
  if (res.error) yield { line: res.line, error: res.error };
}

/** The records one at a time (readers that need no speed). */
export async function* csvRecords(path: string, onBytes?: (n: number) => void): AsyncGenerator<CsvRecord | { line: number; error: string }> {
  for await (const c of csvChunks(path, onBytes)) {
    if ('error' in c) {
      yield c;
      return;
    }
    for (const r of c.records) yield { line: r.line, fields: r.fields, header: c.header };
  }
}

/** The header line of a CSV file (for format detection). */
export function csvHeader(firstLine: string): string[] {
  return firstLine
    .replace(/^\uFEFF/, '')
    .split(',')
    .map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
}
