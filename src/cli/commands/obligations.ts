/**
 * `truce obligations DIR --incidents FILE.jsonl [--at INSTANT] [--format table|json]`: the status
 * of every withdrawal, joint patrol, humanitarian access and phase rule at an instant (default:
 * now), with the incidents that decided it and the days left (+) or overdue (-) (formats.md §8).
 */
import { type Command, Option } from 'commander';
import { parseTime, TimeParseError } from '../../domain/time.js';
import { computeObligations, type ObligationStatus } from '../../pipeline/adjudicate/obligations.js';
import { readIncidents } from '../../pipeline/adjudicate/read-incidents.js';
import { openAdjudication } from '../../services/compliance-workspace.js';

export function obligationsTable(rows: ObligationStatus[]): string {
  const head = ['agreement', 'rule', 'kind', 'status', 'deadline', 'days', 'evidence'];
  const body = rows.map((r) => [
    r.agreement,
    r.rule,
    r.kind,
    r.status,
    r.deadline ?? '-',
    r.days === null ? '-' : r.days > 0 ? `+${r.days}` : String(r.days),
    r.evidence.length > 4
      ? `${r.evidence.slice(0, 4).join(', ')} (+${r.evidence.length - 4})`
      : r.evidence.join(', ') || '-',
  ]);
  const widths = head.map((h, k) => Math.max(h.length, ...body.map((row) => row[k].length)));
  const fmt = (row: string[]) =>
    row
      .map((c, k) => c.padEnd(widths[k]))
      .join('  ')
      .trimEnd();
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...body.map(fmt)].join('\n');
}

export async function obligationsCommand(
  dir: string,
  opts: { incidents: string; at?: string; format: 'table' | 'json' },
): Promise<number> {
  let at: number | undefined;
  if (opts.at !== undefined) {
    try {
      at = parseTime(opts.at, 'UTC').start;
    } catch (err) {
      if (!(err instanceof TimeParseError)) throw err;
      process.stderr.write(`truce obligations: --at: ${err.message}\n`);
      return 2;
    }
  }
  const opened = await openAdjudication(dir, 'obligations');
  if (typeof opened === 'number') return opened;
  const cols = opened.adjudicator.newColumns();
  const label = opts.incidents === '-' ? '<stdin>' : opts.incidents;
  const read = await readIncidents(opts.incidents, cols);
  for (const p of read.problems) process.stderr.write(`${label}:${p.line > 0 ? `${p.line}:` : ''} ${p.message}\n`);
  if (read.problems.length > 0) return 1;
  const rows = computeObligations(opened.adjudicator, cols, { at });
  process.stdout.write(opts.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : `${obligationsTable(rows)}\n`);
  return 0;
}

export function register(program: Command): void {
  program
    .command('obligations')
    .description(
      'status of every withdrawal, joint patrol, humanitarian access and phase rule: pending, met, missed, unknown',
    )
    .argument('<dir>', 'workspace folder')
    .requiredOption('--incidents <file>', 'incidents as JSON Lines ("-" for stdin)')
    .option('--at <instant>', 'the instant of the status (ISO 8601; a date means its start, UTC); default now')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (dir: string, opts: { incidents: string; at?: string; format: 'table' | 'json' }) => {
      process.exitCode = await obligationsCommand(dir, opts);
    });
}
