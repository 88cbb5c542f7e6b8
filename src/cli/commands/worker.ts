/**
 * `truce worker [DIR] --database URL [--batch N] [--exit-when-empty] [--adjudicate]`: takes queued
 * reports (`truce ingest --queue`, API submissions) and clusters them into incidents. Several
 * workers may share one PostgreSQL store: each batch is claimed with FOR UPDATE SKIP LOCKED, and
 * the days it clusters are serialised with advisory locks, so every report is processed exactly
 * once and two workers never found two incidents for one event. On SQLite one worker suffices.
 * SIGINT/SIGTERM finish the batch in flight, then exit.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { adjudicatorFor } from '../../services/compliance-workspace.js';
import { refreshStaleFindings } from '../../services/stored-findings.js';
import { storeUrl } from '../../services/workspace-store.js';
import { openStore } from '../../store/store.js';
import { builtinWorkspaceDir } from '../../workspace/builtin.js';
import { loadWorkspace } from '../../workspace/load-workspace.js';

interface WorkerFlags {
  database?: string;
  batch: string;
  exitWhenEmpty?: boolean;
  adjudicate?: boolean;
  poll: string;
}

export async function workerCommand(dir: string | undefined, flags: WorkerFlags): Promise<number> {
  const batch = Number(flags.batch);
  const poll = Number(flags.poll);
  if (!Number.isInteger(batch) || batch < 1 || !(poll > 0)) {
    process.stderr.write('truce worker: --batch is a positive whole number and --poll a positive number of seconds\n');
    return 2;
  }
  const store = await openStore({ url: storeUrl({ database: flags.database, dir }) });
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let adjudicate: (() => Promise<void>) | undefined;
  if (flags.adjudicate) {
    const { workspace } = await loadWorkspace(dir ?? builtinWorkspaceDir());
    if (!workspace) {
      process.stderr.write('truce worker: --adjudicate needs a valid workspace\n');
      await store.close();
      return 1;
    }
    const adjudicator = adjudicatorFor(workspace);
    adjudicate = async () => {
      await refreshStaleFindings(store, adjudicator);
    };
  }
  let total = 0;
  try {
    while (!stopping) {
      const n = await store.processQueue(batch);
      total += n;
      if (n > 0) continue;
      if (adjudicate) await adjudicate();
      if (flags.exitWhenEmpty) break;
      await sleep(poll * 1000);
    }
  } finally {
    process.stderr.write(`truce worker ${process.pid}: ${total.toLocaleString('en')} reports processed\n`);
    await store.close();
  }
  return 0;
}

export function register(program: Command): void {
  program
    .command('worker')
    .description('process queued reports (cluster them into incidents); several workers may share a PostgreSQL store')
    .argument('[dir]', 'workspace folder (default: the built-in Syria workspace)')
    .option('--database <url>', 'postgres://... (or a SQLite file); default DATABASE_URL, else <DIR>/.truce/truce.sqlite')
    .option('--batch <n>', 'reports per transaction', '500')
    .option('--poll <seconds>', 'wait between looks at an empty queue', '1')
    .option('--exit-when-empty', 'stop once the queue is empty')
    .option('--adjudicate', 'recompute verdicts of stale incidents when the queue is empty (run on one worker)')
    .action(async (dir: string | undefined, flags: WorkerFlags) => {
      process.exitCode = await workerCommand(dir, flags);
    });
}
