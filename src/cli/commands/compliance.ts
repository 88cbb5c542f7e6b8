/**
 * `truce compliance DIR --incidents FILE.jsonl --by day|week|month --group party|guarantor|zone|agreement
 *  [--format table|csv|json] [--tz ZONE]`: violations, undetermined, permitted and fatalities per
 * period and group, each with the change from the previous period (formats.md §9).
 */
import { type Command, Option } from 'commander';
import { isValidTimeZone } from '../../domain/time.js';
import {
  complianceSeries,
  type Grouping,
  type Period,
  type SeriesRow,
} from '../../pipeline/adjudicate/compliance-series.js';
import { readIncidents } from '../../pipeline/adjudicate/read-incidents.js';
import { openAdjudication } from '../../services/compliance-workspace.js';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const COLUMNS = ['violations', 'undetermined', 'permitted', 'fatalities'] as const;

export function complianceTable(rows: SeriesRow[]): string {
  const head = ['period', 'group', ...COLUMNS];
  const body = rows.map((r) => [r.period, r.group, ...COLUMNS.map((c) => `${r[c]} (${signed(r.delta[c])})`)]);
  const widths = head.map((h, k) => Math.max(h.length, ...body.map((row) => row[k].length)));
  const fmt = (row: string[]) =>
    row
      .map((c, k) => (k < 2 ? c.padEnd(widths[k]) : c.padStart(widths[k])))
      .join('  ')
      .trimEnd();
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...body.map(fmt)].join('\n');
}

/** RFC 4180 CSV: one row per period and group, counts and deltas. */
export function complianceCsv(rows: SeriesRow[]): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const head = ['period', 'group', ...COLUMNS, ...COLUMNS.map((c) => `${c}_delta`)];
  const lines = rows.map((r) =>
    [
      quote(r.period),
      quote(r.group),
      ...COLUMNS.map((c) => String(r[c])),
      ...COLUMNS.map((c) => String(r.delta[c])),
    ].join(','),
  );
  return [head.join(','), ...lines].join('\r\n');
}

interface Options {
  incidents: string;
  by: Period;
  group: Grouping;
  format: 'table' | 'csv' | 'json';
  tz?: string;
}

export async function complianceCommand(dir: string, opts: Options): Promise<number> {
  if (opts.tz !== undefined && !isValidTimeZone(opts.tz)) {
    process.stderr.write(`truce compliance: --tz: unknown time zone ${opts.tz}\n`);
    return 2;
  }
  const opened = await openAdjudication(dir, 'compliance');
  if (typeof opened === 'number') return opened;
  const adj = opened.adjudicator;
  const cols = adj.newColumns();
  const label = opts.incidents === '-' ? '<stdin>' : opts.incidents;
  const read = await readIncidents(opts.incidents, cols);
  for (const p of read.problems) process.stderr.write(`${label}:${p.line > 0 ? `${p.line}:` : ''} ${p.message}\n`);
  if (read.problems.length > 0) return 1;
  const tz = opts.tz ?? adj.agreements[0]?.tz ?? 'UTC';
  const rows = complianceSeries(adj.complianceRows(cols), { by: opts.by, group: opts.group, tz });
  const text =
    opts.format === 'json'
      ? JSON.stringify(rows, null, 2)
      : opts.format === 'csv'
        ? complianceCsv(rows)
        : complianceTable(rows);
  process.stdout.write(`${text}\n`);
  return 0;
}

export function register(program: Command): void {
  program
    .command('compliance')
    .description(
      'violations, undetermined, permitted and fatalities per period and group, with the change from the previous period',
    )
    .argument('<dir>', 'workspace folder')
    .requiredOption('--incidents <file>', 'incidents as JSON Lines ("-" for stdin)')
    .addOption(new Option('--by <period>', 'period').choices(['day', 'week', 'month']).makeOptionMandatory())
    .addOption(
      new Option('--group <group>', 'grouping')
        .choices(['party', 'guarantor', 'zone', 'agreement'])
        .makeOptionMandatory(),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .option('--tz <zone>', "time zone of the periods (default: the first agreement's)")
    .action(async (dir: string, opts: Options) => {
      process.exitCode = await complianceCommand(dir, opts);
    });
}
