/**
 * `truce extract FILE... [--published DATE] [--source NAME] [--format jsonl|table]`
 * (formats.md §6): news or report text -> incidents and claims as JSON Lines, each line naming
 * its `report` and `kind`, every field with its evidence spans. Files that are not text reports
 * (empty, binary, not UTF-8, too large) are reported on stderr and skipped; the exit status is
 * then 1 (invalid input), after the other files have been processed.
 */
import { readFileSync, statSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { extractReportBytes } from '../../pipeline/extract/index.js';
import { MAX_REPORT_BYTES } from '../../pipeline/extract/input.js';
import type { ExtractedClaim, ExtractedIncident } from '../../pipeline/extract/types.js';

function publishedArg(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(v) || Number.isNaN(new Date(v.slice(0, 10)).getTime())) {
    throw new InvalidArgumentError('expected an ISO date (YYYY-MM-DD) or instant');
  }
  return v;
}
function formatArg(v: string): 'jsonl' | 'table' {
  if (v !== 'jsonl' && v !== 'table') throw new InvalidArgumentError('expected jsonl or table');
  return v;
}

export function register(program: Command): void {
  program
    .command('extract')
    .description('news or report text -> incidents and claims (JSON Lines) with evidence spans')
    .argument('<files...>', 'text reports (UTF-8)')
    .option('--published <date>', 'publication date the report is read against (relative dates, weekdays)', publishedArg)
    .option('--source <name>', 'outlet or author, written to each incident\'s sources')
    .option('--format <format>', 'jsonl (default) or table', formatArg, 'jsonl')
    .action((files: string[], opts: { published?: string; source?: string; format: 'jsonl' | 'table' }) => {
      let failed = false;
      const out: string[] = [];
      const rows: Array<ExtractedIncident | ExtractedClaim> = [];
      for (const file of files) {
        let bytes: Uint8Array;
        try {
          const st = statSync(file);
          if (!st.isFile()) throw new Error('not a regular file');
          if (st.size > MAX_REPORT_BYTES) {
            throw new Error(`file is ${(st.size / 1048576).toFixed(1)} MB, over the ${MAX_REPORT_BYTES / 1048576} MB limit for one report; split it into one file per report`);
          }
          bytes = readFileSync(file);
        } catch (err) {
          process.stderr.write(`truce extract: ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}\n`);
          failed = true;
          continue;
        }
        const r = extractReportBytes(bytes, { published: opts.published, source: opts.source, file });
        if ('error' in r) {
          process.stderr.write(`truce extract: ${file}: ${r.error}; skipped\n`);
          failed = true;
          continue;
        }
        for (const w of r.warnings) process.stderr.write(`truce extract: ${file}: warning: ${w}\n`);
        if (r.mentions) {
          for (const m of r.mentions) out.push(JSON.stringify({ report: file, ...m, kind: 'mention', entity: m.kind }));
        }
        for (const x of [...r.incidents, ...r.claims]) {
          rows.push(x);
          out.push(JSON.stringify(x));
        }
      }
      if (opts.format === 'table') process.stdout.write(table(rows));
      else if (out.length) process.stdout.write(`${out.join('\n')}\n`);
      if (failed) process.exitCode = 1;
    });
}

function table(rows: Array<ExtractedIncident | ExtractedClaim>): string {
  const head = ['report', 'kind', 'id', 'when / speaker', 'where / stance', 'type / subject', 'by', 'against', 'fatalities'];
  const body = rows.map((r) =>
    r.kind === 'incident'
      ? [r.report, r.kind, r.id, r.when, r.where.name, r.type, r.by === null ? 'unknown' : (r.by ?? ''), r.against ?? '', r.fatalities?.total === undefined ? '' : String(r.fatalities.total)]
      : [r.report, r.kind, r.id, r.speaker, r.stance, `${r.subject.kind}: ${r.subject.text}`, r.speaker_actor ?? '', '', ''],
  );
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.min(40, Math.max(...all.map((row) => row[i].length))));
  return `${all.map((row) => row.map((c, i) => (c.length > 40 ? `${c.slice(0, 39)}…` : c).padEnd(widths[i])).join('  ').trimEnd()).join('\n')}\n`;
}
