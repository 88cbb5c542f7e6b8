/**
 * `truce ingest [DIR] FILE... [--database URL] [--strict] [--format auto|text|jsonl|acled|ucdp]`:
 * report text, incidents JSONL, ACLED CSV and UCDP GED CSV into the workspace store. Idempotent
 * (the same file twice adds nothing). A bad row is reported as `file:line: message` and skipped;
 * with --strict a file with any bad row is rejected whole. A progress bar on a terminal (stderr),
 * a summary at the end (stderr; `--json` prints it to stdout). Exit 0 when every row was stored,
 * 1 when a row or file was bad, 2 on usage errors.
 */
import { relative } from 'node:path';
import { SingleBar } from 'cli-progress';
import { type Command, Option } from 'commander';
import { createActorRegistry } from '../../pipeline/resolve/actor-registry.js';
import { syncAgreements } from '../../services/agreement-changes.js';
import { adjudicatorFor } from '../../services/compliance-workspace.js';
import { type FileSummary, ingestFile } from '../../services/ingest-files.js';
import { refreshStaleFindings } from '../../services/stored-findings.js';
import { syncWorkspaceSources } from '../../services/workspace-sources.js';
import { splitDirAndFiles, storeUrl } from '../../services/workspace-store.js';
import { openStore } from '../../store/store.js';
import { builtinWorkspaceDir } from '../../workspace/builtin.js';
import { isDirectory, loadWorkspace } from '../../workspace/load-workspace.js';
import { formatProblem } from '../../workspace/problem.js';

interface IngestFlags {
  database?: string;
  strict?: boolean;
  format: 'auto' | 'text' | 'jsonl' | 'acled' | 'ucdp';
  tz: string;
  published?: string;
  source?: string;
  queue?: boolean;
  json?: boolean;
  /** commander's negation of --no-adjudicate */
  adjudicate: boolean;
}

const plural = (n: number, w: string) => `${n.toLocaleString('en')} ${w}${n === 1 ? '' : 's'}`;

export function describeSummary(s: FileSummary): string {
  const shown = relative(process.cwd(), s.file) || s.file;
  if (s.rejected) return `${shown}: rejected (${plural(s.errorCount, 'error')}), nothing stored`;
  return (
    `${shown}: ${plural(s.reports, 'report')} read (${s.format}), ${s.inserted.toLocaleString('en')} new, ` +
    `${s.duplicates.toLocaleString('en')} already stored; incidents ${s.incidentsCreated.toLocaleString('en')} new, ` +
    `${s.incidentsUpdated.toLocaleString('en')} corroborated` +
    (s.claims ? `; ${plural(s.claims, 'claim')}` : '') +
    (s.errorCount ? `; ${plural(s.errorCount, 'bad row')} skipped` : '')
  );
}

export async function ingestCommand(args: string[], flags: IngestFlags): Promise<number> {
  const { dir, files } = await splitDirAndFiles(args, isDirectory);
  if (files.length === 0) {
    process.stderr.write('truce ingest: name at least one FILE (text, .jsonl, ACLED or UCDP .csv)\n');
    return 2;
  }
  const { workspace, problems } = await loadWorkspace(dir ?? builtinWorkspaceDir());
  if (!workspace) {
    process.stderr.write(`${problems.map(formatProblem).join('\n')}\ntruce ingest: the workspace has errors\n`);
    return 1;
  }
  const store = await openStore({ url: storeUrl({ database: flags.database, dir }) });
  const bar = process.stderr.isTTY && !flags.json ? new SingleBar({ format: ' {file} [{bar}] {percentage}% | {eta_formatted} left', hideCursor: true }) : null;
  const summaries: FileSummary[] = [];
  try {
    await syncWorkspaceSources(store, workspace.sources);
    const registry = createActorRegistry(workspace.actors);
    for (const file of files) {
      bar?.start(1, 0, { file: relative(process.cwd(), file) || file });
      const s = await ingestFile(store, file, {
        format: flags.format,
        strict: flags.strict,
        tz: flags.tz,
        registry,
        agreements: workspace.agreements,
        published: flags.published,
        source: flags.source,
        queue: flags.queue,
        onProgress: bar ? (_f, bytes, total) => bar.update(total ? bytes / total : 1) : undefined,
      });
      bar?.update(1);
      bar?.stop();
      summaries.push(s);
      if (!flags.json) {
        const shown = relative(process.cwd(), file) || file;
        for (const e of s.errors.slice(0, 20)) process.stderr.write(`${shown}:${e.line}: ${e.message}\n`);
        if (s.errorCount > 20) process.stderr.write(`${shown}: ... and ${s.errorCount - 20} more bad rows\n`);
        process.stderr.write(`${describeSummary(s)}\n`);
      }
    }
    // verdicts follow the evidence: only incidents new or grown in this run are adjudicated
    let verdicts: Awaited<ReturnType<typeof refreshStaleFindings>> | null = null;
    if (flags.adjudicate && !flags.queue) {
      // an edited agreement flags the incidents of its time span; new evidence flagged its own
      await syncAgreements(store, workspace.agreements, (k) => workspace.zoneGeometries.get(k));
      verdicts = await refreshStaleFindings(store, adjudicatorFor(workspace));
    }
    if (verdicts && !flags.json) {
      process.stderr.write(`findings: ${plural(verdicts.incidents, 'incident')} adjudicated, ${plural(verdicts.findings, 'finding')}\n`);
      for (const s of verdicts.skipped.slice(0, 20)) process.stderr.write(`not adjudicated: ${s}\n`);
    }
    const stats = await store.stats();
    if (flags.json) process.stdout.write(`${JSON.stringify({ files: summaries, verdicts, store: stats }, null, 2)}\n`);
    else process.stderr.write(`store: ${plural(stats.reports, 'report')}, ${plural(stats.incidents, 'incident')}, ${stats.queued.toLocaleString('en')} queued\n`);
  } finally {
    bar?.stop();
    await store.close();
  }
  return summaries.some((s) => s.errorCount > 0 || s.rejected) ? 1 : 0;
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('store report text, incidents JSONL, ACLED CSV and UCDP GED CSV; cluster them into incidents')
    .argument('<paths...>', '[DIR] FILE...: the workspace folder (default: the built-in Syria workspace), then files')
    .option('--database <url>', 'postgres://... or a SQLite file (default: DATABASE_URL, else <DIR>/.truce/truce.sqlite)')
    .option('--strict', 'reject a whole file when any row is bad (nothing of it is stored)')
    .addOption(new Option('--format <format>', 'input format').choices(['auto', 'text', 'jsonl', 'acled', 'ucdp']).default('auto'))
    .option('--tz <zone>', 'IANA time zone of dates without a time', 'Asia/Damascus')
    .option('--published <date>', 'text reports: publication date (anchors "yesterday", weekdays)')
    .option('--source <outlet>', 'text reports: the outlet that published them')
    .option('--queue', 'only enqueue the reports; `truce worker` clusters them')
    .option('--no-adjudicate', 'do not recompute the verdicts of new and corroborated incidents')
    .option('--json', 'print the summary as JSON on stdout')
    .action(async (paths: string[], flags: IngestFlags) => {
      process.exitCode = await ingestCommand(paths, flags);
    });
}
