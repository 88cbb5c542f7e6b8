/**
 * Report text (news, NGO reports) -> reports through extraction (src/pipeline/extract): each
 * incident extraction finds becomes a report carrying its evidence spans; a text in which no
 * incident is found is still kept, as one report without time (status failed: nothing to cluster),
 * so that every report received stays in the archive with its source. Claims found are passed on.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { extractIncidentsFromText } from '../extract/index.js';
import { incidentToReport } from './jsonl.js';
import type { ReaderContext, ReadItem } from './types.js';

export async function* readText(path: string, ctx: ReaderContext): AsyncGenerator<ReadItem> {
  const buf = await readFile(path);
  ctx.onBytes?.(buf.length);
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD')) {
    yield { kind: 'error', line: 1, message: 'not valid UTF-8 text' };
    return;
  }
  const { incidents, claims, warnings } = extractIncidentsFromText(text, { published: ctx.published, source: ctx.source, file: basename(path) });
  let n = 0;
  for (const inc of incidents) {
    const line = lineOf(text, inc as { evidence?: Record<string, { start: number }[]> });
    const obj = ctx.source && !inc.sources?.length ? { ...inc, sources: [{ outlet: ctx.source }] } : inc;
    const r = incidentToReport(obj, ctx, line, 'text');
    if (typeof r === 'string') yield { kind: 'error', line, message: `extracted incident ${inc.id}: ${r}` };
    else {
      n++;
      yield { kind: 'report', line, report: r };
    }
  }
  if (n === 0) {
    yield {
      kind: 'report',
      line: 1,
      report: {
        format: 'text',
        file: ctx.file,
        line: 1,
        sources: ctx.source ? [ctx.source] : [],
        description: text.slice(0, 500),
        payload: { text, warnings },
      },
    };
  }
  for (const c of claims) {
    yield {
      kind: 'claim',
      line: 1,
      claim: {
        key: c.id,
        speaker: c.speaker,
        speaker_actor: c.speaker_actor ?? null,
        stance: c.stance,
        subject: c.subject,
        incident_external_id: c.incident,
        quote: c.quote,
        at: ctx.published ?? incidents[0]?.when ?? null,
      },
    };
  }
}

/** The line of the first evidence span, so errors and reports point into the file. */
function lineOf(text: string, inc: { evidence?: Record<string, { start: number }[]> }): number {
  const starts = Object.values(inc.evidence ?? {}).flatMap((spans) => spans.map((s) => s.start));
  if (!starts.length) return 1;
  const at = Math.min(...starts);
  let line = 1;
  for (let i = 0; i < at && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
