/**
 * Readers for `truce ingest`: report text, incidents JSONL, ACLED CSV, UCDP GED CSV. `readReports`
 * picks the reader by `format` (or by extension and CSV header with `auto`) and yields reports,
 * claims and per-line errors.
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { ACLED_CSV, ACLED_REQUIRED, readAcled } from './acled.js';
import { readCsvReportChunks } from './csv-report-reader.js';
import { csvHeader } from './csv-rows.js';
import { readJsonl } from './jsonl.js';
import { readText } from './text.js';
import type { IngestFormat, ReaderContext, ReadItem } from './types.js';
import { readUcdp, UCDP_CSV, UCDP_REQUIRED } from './ucdp.js';

export type { IngestFormat, ReadClaim, ReaderContext, ReadItem, ReadReport } from './types.js';
export { INGEST_FORMATS } from './types.js';

export class FormatError extends Error {}

export async function detectFormat(path: string): Promise<IngestFormat> {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (['.txt', '.md', '.text', '.html', '.htm'].includes(ext)) return 'text';
  if (ext === '.csv') {
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(8192);
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      const header = csvHeader(buf.subarray(0, bytesRead).toString('utf8').split(/\r?\n/)[0]);
      if (ACLED_REQUIRED.every((c) => header.includes(c))) return 'acled';
      if (UCDP_REQUIRED.every((c) => header.includes(c))) return 'ucdp';
      throw new FormatError(
        `${path}: a CSV file that is neither an ACLED export (event_id_cnty, ...) nor UCDP GED (id, date_start, where_prec, ...)`,
      );
    } finally {
      await fh.close();
    }
  }
  throw new FormatError(
    `${path}: cannot tell the format from the extension "${ext}"; pass --format text|jsonl|acled|ucdp`,
  );
}

export function readReports(path: string, format: IngestFormat, ctx: ReaderContext): AsyncGenerator<ReadItem> {
  switch (format) {
    case 'acled':
      return readAcled(path, ctx);
    case 'ucdp':
      return readUcdp(path, ctx);
    case 'jsonl':
      return readJsonl(path, ctx);
    case 'text':
      return readText(path, ctx);
  }
}

/** The same items in arrays (a CSV chunk at a time, or up to 1,000 lines): for bulk ingestion. */
export async function* readReportChunks(
  path: string,
  format: IngestFormat,
  ctx: ReaderContext,
): AsyncGenerator<ReadItem[]> {
  if (format === 'acled' || format === 'ucdp') {
    yield* readCsvReportChunks(path, ctx, format === 'acled' ? ACLED_CSV : UCDP_CSV);
    return;
  }
  let items: ReadItem[] = [];
  for await (const item of readReports(path, format, ctx)) {
    items.push(item);
    if (items.length >= 1000) {
      yield items;
      items = [];
    }
  }
  if (items.length) yield items;
}
