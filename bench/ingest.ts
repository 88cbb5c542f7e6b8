/**
 * `npm run bench -- ingest [--rows N] [--pg URL] [--only sqlite|postgres]`: N seeded synthetic
 * ACLED rows (default 1,000,000; 5 % exact duplicate rows, 20 % the same event from another outlet)
 * through `truce ingest`'s service into SQLite and PostgreSQL: rows/s (wall and per CPU-second),
 * peak RSS, and as the floor the same CSV loaded raw by `sqlite3 .import` and `psql \copy` (no
 * parsing of dates or actors, no hashing, no clustering). Each run is its own process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ACLED_HEADER, writeSyntheticAcled } from './synthetic-acled.lib.js';

const here = fileURLToPath(new URL('.', import.meta.url));

function arg(args: string[], name: string, fallback?: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
}

function timed(cmd: string, argv: string[], input?: string): { ms: number; ok: boolean; err: string } {
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { input, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { ms: Math.round(performance.now() - t0), ok: r.status === 0, err: (r.stderr ?? '') + (r.error?.message ?? '') };
}

export default async function main(args: string[]): Promise<void> {
  const rows = Number(arg(args, 'rows', '1000000'));
  const pg = arg(args, 'pg', process.env.TRUCE_BENCH_PG ?? process.env.TRUCE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test')!;
  const only = arg(args, 'only');
  const dataDir = `${here}.data`;
  mkdirSync(dataDir, { recursive: true });
  const csv = `${dataDir}/acled-synth-${rows}.csv`;
  if (!existsSync(csv)) {
    const g = await writeSyntheticAcled(csv, { rows });
    process.stderr.write(`generated ${csv}: ${JSON.stringify(g)}\n`);
  }
  const results: Record<string, unknown>[] = [];
  for (const dialect of ['sqlite', 'postgres']) {
    if (only && only !== dialect) continue;
    const url = dialect === 'sqlite' ? `${dataDir}/ingest-bench.sqlite` : pg;
    // a larger young generation (fewer scavenges of short-lived row objects) and an old generation
    // capped at 1 GiB: V8 otherwise lets garbage pile up towards its default limit before collecting
    const r = spawnSync(process.execPath, ['--max-semi-space-size=64', '--max-old-space-size=1024', '--import', 'tsx', `${here}ingest-child.lib.ts`, dialect, csv, url], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    });
    if (r.status !== 0) throw new Error(`${dialect} run failed (${r.status})`);
    const res = JSON.parse(r.stdout.trim().split('\n').pop()!);
    results.push({ ...res, rowsPerSec: Math.round(res.rows / (res.ms / 1000)), rowsPerCpuSec: Math.round(res.rows / (res.cpuMs / 1000)) });
    if (dialect === 'sqlite') for (const ext of ['', '-wal', '-shm']) rmSync(url + ext, { force: true });
  }
  // floors: the raw CSV into a table of text columns
  const cols = ACLED_HEADER.map((c) => `${c} TEXT`).join(', ');
  if (!only || only === 'sqlite') {
    const db = `${dataDir}/floor.sqlite`;
    rmSync(db, { force: true });
    const f = timed('sqlite3', [db], `PRAGMA journal_mode=WAL;\nCREATE TABLE acled (${cols});\n.import --csv --skip 1 ${csv} acled\n`);
    results.push({ dialect: 'sqlite3 .import (floor)', rows, ms: f.ms, rowsPerSec: Math.round(rows / (f.ms / 1000)), ok: f.ok, ...(f.ok ? {} : { err: f.err.slice(0, 300) }) });
    rmSync(db, { force: true });
  }
  if (!only || only === 'postgres') {
    const schema = `bench_floor_${process.pid}`;
    const f = timed('psql', [pg, '-q', '-v', 'ON_ERROR_STOP=1'], `CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.acled (${cols});\n\\copy ${schema}.acled FROM '${csv}' WITH (FORMAT csv, HEADER true)\nDROP SCHEMA ${schema} CASCADE;\n`);
    results.push({ dialect: 'psql \\copy (floor)', rows, ms: f.ms, rowsPerSec: Math.round(rows / (f.ms / 1000)), ok: f.ok, ...(f.ok ? {} : { err: f.err.slice(0, 300) }) });
  }
  const load = (await import('node:os')).loadavg()[0].toFixed(1);
  process.stdout.write(`ingest benchmark, ${rows.toLocaleString('en')} ACLED-format rows, load average ${load} at the end\n`);
  for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
}
