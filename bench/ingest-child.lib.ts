/**
 * One ingestion run in its own process (so peak RSS is this run's alone): `node --import tsx
 * bench/ingest-child.lib.ts DIALECT CSV URL` prints one JSON line with the figures.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import postgres from 'postgres';
import { createActorRegistry } from '../src/pipeline/resolve/actor-registry.js';
import { ingestFile } from '../src/services/ingest-files.js';
import { openStore } from '../src/store/store.js';
import { builtinWorkspaceDir } from '../src/workspace/builtin.js';
import { loadWorkspace } from '../src/workspace/load-workspace.js';

/**
 * CPU seconds of this process's busiest threads, from /proc (Linux; {} elsewhere): the main
 * thread (clustering, writing) apart from the reader thread and V8's helpers (GC, compilation).
 * Threads that ended before this (the reader) are gone from /proc: their time is the process
 * total less these.
 */
function threadCpu(): Record<string, number> {
  const out: Record<string, number> = {};
  try {
    const tick = 100; // USER_HZ
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const s = (Number(f[11]) + Number(f[12])) / tick;
      const name =
        tid === String(process.pid) ? 'main' : `${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}#${tid}`;
      if (s >= 0.1) out[name] = Math.round(s * 10) / 10;
    }
  } catch {
    // not Linux
  }
  return out;
}

const [dialect, csv, url] = process.argv.slice(2);
const { workspace } = await loadWorkspace(builtinWorkspaceDir());
const registry = createActorRegistry(workspace!.actors);
const schema = `bench_ingest_${process.pid}`;
if (dialect === 'sqlite') for (const ext of ['', '-wal', '-shm']) rmSync(url + ext, { force: true });
const store = await openStore(dialect === 'sqlite' ? { url } : { url, schema });
const mainBefore = threadCpu().main ?? 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const s = await ingestFile(store, csv, {
  format: 'acled',
  registry,
  batchSize: Number(process.env.TRUCE_BENCH_BATCH ?? 20_000),
  tz: 'Asia/Damascus',
});
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const threads = threadCpu();
const stats = await store.stats();
await store.close();
if (dialect === 'postgres') {
  const sql = postgres(url, { onnotice: () => {}, max: 1 });
  await sql.unsafe(`DROP SCHEMA ${schema} CASCADE`);
  await sql.end();
}
process.stdout.write(
  `${JSON.stringify({
    dialect,
    rows: s.reports + s.errorCount,
    inserted: s.inserted,
    duplicates: s.duplicates,
    errors: s.errorCount,
    incidents: stats.incidents,
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    rssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    threads,
    mainBefore,
  })}\n`,
);
