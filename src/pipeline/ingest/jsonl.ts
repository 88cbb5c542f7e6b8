/** Incidents JSON Lines (formats.md §4) -> reports; each line validated with the domain schema. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { incidentSchema } from '../../domain/incident.js';
import { parseTime } from '../../domain/time.js';
import type { ReaderContext, ReadItem, ReadReport } from './types.js';

export function incidentToReport(obj: unknown, ctx: ReaderContext, line: number, format: ReadReport['format'] = 'jsonl'): ReadReport | string {
  const parsed = incidentSchema.safeParse(obj);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
  }
  const inc = parsed.data;
  let t: { start: number; end: number };
  try {
    t = parseTime(inc.when, ctx.tz);
  } catch (err) {
    return `when: ${(err as Error).message}`;
  }
  const w = inc.where;
  const admin = typeof w.admin === 'string' ? w.admin : undefined;
  const unknownActors: string[] = [];
  for (const a of [inc.by, inc.against]) {
    if (a && a !== 'civilians' && ctx.registry && !ctx.registry.get(a)) unknownActors.push(a);
  }
  return {
    format,
    external_id: inc.id,
    file: ctx.file,
    line,
    sources: (inc.sources ?? []).map((s) => s.outlet ?? '').filter(Boolean),
    url: inc.sources?.find((s) => s.url)?.url ?? null,
    when: inc.when,
    t_start: t.start,
    t_end: t.end,
    lat: w.lat ?? null,
    lon: w.lon ?? null,
    precision_km: w.precision_km ?? (w.lat !== undefined ? 0 : null),
    place: w.name ?? null,
    admin1: w.admin1 ?? (admin && admin.length <= 4 ? admin : null),
    admin2: w.admin2 ?? (admin && admin.length > 4 ? admin : null),
    type: inc.type,
    by: inc.by ?? null,
    against: inc.against ?? null,
    unmatched_actors: unknownActors,
    fatalities: inc.fatalities?.total ?? null,
    description: inc.description ?? null,
    payload: obj,
  };
}

export async function* readJsonl(path: string, ctx: ReaderContext): AsyncGenerator<ReadItem> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let bytes = 0;
  if (ctx.onBytes) {
    stream.on('data', (c) => {
      bytes += Buffer.byteLength(c as string);
      ctx.onBytes!(bytes);
    });
  }
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
    line++;
    if (!text.trim()) continue;
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch (err) {
      yield { kind: 'error', line, message: `not JSON: ${(err as Error).message}` };
      continue;
    }
    const r = incidentToReport(obj, ctx, line);
    yield typeof r === 'string' ? { kind: 'error', line, message: r } : { kind: 'report', line, report: r };
  }
}
