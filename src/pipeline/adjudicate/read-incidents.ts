/**
 * Reads incidents JSON Lines (formats.md §4) from a file or stdin (`-`) into columns, line by
 * line, without holding the text: 1 MB chunks split on newlines. Blank lines are skipped. Every
 * invalid line is reported with its number and the field at fault; the caller decides whether
 * that stops the run (the default) or the line is skipped (`--skip-invalid`).
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { IncidentColumns } from './incident-columns.js';

export interface LineProblem {
  line: number;
  message: string;
}

export interface ReadResult {
  lines: number;
  problems: LineProblem[];
}

/**
 * Feeds every line of `path` ('-' for stdin) to `cols.addLine`. Stops collecting problems after
 * `maxProblems` (the count still grows), so that a wrong file does not flood the terminal.
 */
export async function readIncidents(path: string, cols: IncidentColumns, maxProblems = 50): Promise<ReadResult> {
  const stream = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20 });
  const decoder = new StringDecoder('utf8');
  const problems: LineProblem[] = [];
  let rest = '';
  let lineNo = 0;
  let bad = 0;
  const take = (text: string) => {
    lineNo++;
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (line.trim() === '') return;
    const problem = cols.addLine(line, lineNo);
    if (problem !== null) {
      bad++;
      if (problems.length < maxProblems) problems.push({ line: lineNo, message: problem });
    }
  };
  for await (const chunk of stream) {
    const text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      take(text.slice(from, nl));
      from = nl + 1;
    }
    rest = text.slice(from);
  }
  rest += decoder.end();
  if (rest.length > 0) take(rest);
  if (bad > problems.length) problems.push({ line: 0, message: `... and ${bad - problems.length} more invalid lines` });
  return { lines: lineNo, problems };
}
