/**
 * CSV files as records with their line numbers (csv-parse, streaming, RFC 4180 quoting): one
 * record at a time, so a million-row export never sits in memory whole.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

export interface CsvRecord {
  line: number;
  row: Record<string, string>;
}

export async function* csvRecords(path: string, onBytes?: (n: number) => void): AsyncGenerator<CsvRecord | { line: number; error: string }> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  let bytes = 0;
  if (onBytes) {
    stream.on('data', (c) => {
      bytes += c.length;
      onBytes(bytes);
    });
  }
  const parser = stream.pipe(
    parse({ columns: (h: string[]) => h.map((c) => c.trim().replace(/^\uFEFF/, '')), bom: true, info: true, relax_column_count: true, skip_empty_lines: true }),
  );
  try {
    for await (const rec of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      yield { line: rec.info.lines, row: rec.record };
    }
  } catch (err) {
    const e = err as Error & { lines?: number };
    yield { line: e.lines ?? 0, error: e.message };
  }
}

/** The header line of a CSV file (for format detection). */
export function csvHeader(firstLine: string): string[] {
  return firstLine
    .replace(/^\uFEFF/, '')
    .split(',')
    .map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
}
