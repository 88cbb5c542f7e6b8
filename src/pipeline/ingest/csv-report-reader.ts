/**
 * The loop every CSV reader shares (ACLED, UCDP GED): stream the file in chunks, check the header
 * once for the columns the format requires, then map each record to a report (or to the error
 * that names its line). The format modules only say which columns they need and how one row maps.
 */
import { ActorNameMapper } from './actor-names.js';
import { csvChunks } from './csv-rows.js';
import type { ReaderContext, ReadItem, ReadReport } from './types.js';

/** Reads a named column of the record in hand ('' when the column is absent). */
export type RowAccessor = (name: string) => string;

export interface CsvReportFormat {
  /** what the file must be, for the error message: "an ACLED export" */
  label: string;
  required: readonly string[];
  mapRow(
    row: RowAccessor,
    ctx: ReaderContext,
    actors: ActorNameMapper,
    line: number,
    payloadJson: string,
  ): ReadReport | string;
}

export async function* readCsvReports(
  path: string,
  ctx: ReaderContext,
  format: CsvReportFormat,
): AsyncGenerator<ReadItem> {
  for await (const items of readCsvReportChunks(path, ctx, format)) yield* items;
}

/**
 * The same items, a chunk of the file (1 MiB) at a time: bulk ingestion takes them this way, one
 * await per chunk instead of one async-generator step (a promise and a microtask) per row.
 */
export async function* readCsvReportChunks(
  path: string,
  ctx: ReaderContext,
  format: CsvReportFormat,
): AsyncGenerator<ReadItem[]> {
  const actors = new ActorNameMapper(ctx.registry);
  let checked = false;
  // one accessor for the whole file, reading the record in hand (no closure per row)
  let fields: string[] = [];
  let index: Map<string, number> | null = null;
  const row: RowAccessor = (name) => {
    const i = index!.get(name);
    return i === undefined ? '' : (fields[i] ?? '');
  };
  for await (const chunk of csvChunks(path, ctx.onBytes)) {
    if ('error' in chunk) {
      yield [{ kind: 'error', line: chunk.line, message: chunk.error }];
      return;
    }
    const { header, records } = chunk;
    if (!checked) {
      const missing = format.required.filter((c) => !header.has(c));
      if (missing.length) {
        yield [{ kind: 'error', line: 1, message: `not ${format.label}: missing column(s) ${missing.join(', ')}` }];
        return;
      }
      checked = true;
    }
    index = header.index;
    const items: ReadItem[] = new Array(records.length);
    let k = 0;
    for (const rec of records) {
      fields = rec.fields;
      let r: ReadReport | string;
      try {
        r = format.mapRow(row, ctx, actors, rec.line, header.json(fields));
      } catch (err) {
        r = err instanceof Error ? err.message : String(err);
      }
      items[k++] =
        typeof r === 'string'
          ? { kind: 'error', line: rec.line, message: r }
          : { kind: 'report', line: rec.line, report: r };
    }
    yield items;
  }
}
