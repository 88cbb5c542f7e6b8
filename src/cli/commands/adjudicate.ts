/**
 * `truce adjudicate DIR --incidents FILE.jsonl [--all] [--skip-invalid]` (formats.md §6): one
 * finding per line (JSON) on stdout, sorted by incident time, id and agreement. Invalid incident
 * lines are reported as `FILE:LINE: field: message` and nothing is printed (exit 1), unless
 * `--skip-invalid` drops them with a warning. Exit 0 ok, 1 invalid input, 2 usage.
 */
import type { Command } from 'commander';
import type { Finding } from '../../domain/finding.js';
import { findingJson } from '../../pipeline/adjudicate/finding-json.js';
import { readIncidents } from '../../pipeline/adjudicate/read-incidents.js';
import { openAdjudication } from '../../services/compliance-workspace.js';

export async function adjudicateCommand(
  dir: string,
  opts: { incidents: string; all?: boolean; skipInvalid?: boolean },
): Promise<number> {
  const opened = await openAdjudication(dir, 'adjudicate');
  if (typeof opened === 'number') return opened;
  const { adjudicator } = opened;
  const cols = adjudicator.newColumns();
  const label = opts.incidents === '-' ? '<stdin>' : opts.incidents;
  let read: Awaited<ReturnType<typeof readIncidents>>;
  try {
    read = await readIncidents(opts.incidents, cols);
  } catch (err) {
    process.stderr.write(
      `truce adjudicate: cannot read ${label}: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return 1;
  }
  for (const p of read.problems) {
    const where = p.line > 0 ? `${label}:${p.line}: ` : `${label}: `;
    process.stderr.write(`${where}${opts.skipInvalid ? 'skipped: ' : ''}${p.message}\n`);
  }
  if (read.problems.length > 0 && !opts.skipInvalid) return 1;
  await writeLines(adjudicator.findings(cols, { all: opts.all }));
  return 0;
}

/** Writes findings as JSON lines in 64 KB batches, waiting for stdout to drain when it asks. */
async function writeLines(findings: Iterator<Finding>): Promise<void> {
  const out = process.stdout;
  let batch = '';
  for (let r = findings.next(); !r.done; r = findings.next()) {
    batch += `${findingJson(r.value)}\n`;
    if (batch.length > 65536) {
      const ok = out.write(batch);
      batch = '';
      if (!ok) await new Promise<void>((resolve) => out.once('drain', resolve));
    }
  }
  if (batch) out.write(batch);
}

export function register(program: Command): void {
  program
    .command('adjudicate')
    .description('judge every incident against every agreement; print one finding per line (JSON)')
    .argument('<dir>', 'workspace folder')
    .requiredOption('--incidents <file>', 'incidents as JSON Lines ("-" for stdin)')
    .option('--all', 'include not_applicable findings too')
    .option('--skip-invalid', 'skip invalid incident lines (with a warning) instead of stopping')
    .action(async (dir: string, opts: { incidents: string; all?: boolean; skipInvalid?: boolean }) => {
      process.exitCode = await adjudicateCommand(dir, opts);
    });
}
