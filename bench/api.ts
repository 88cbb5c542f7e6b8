/**
 * `npm run bench -- api [--n 1000000] [--duration 10] [--connections 10,50] [--workers 1,2] [--dialects sqlite,postgres] [--seed-only]`
 *
 * HTTP latency and throughput of the API over a large archive: N seeded synthetic incidents
 * (api-seed.lib.ts; two findings each), stored once in bench/.data (SQLite) or a PostgreSQL schema
 * (TRUCE_BENCH_PG, default postgres://postgres@127.0.0.1:5432/test, schema bench_api_N) and reused
 * by later runs. The server runs in a child process (api-server.lib.ts); autocannon drives it from
 * this one, over loopback, on the same 2 cores, with 1 and 2 server processes on one port
 * (node:cluster, as `truce serve --workers N`). Three requests a dashboard makes all the time:
 *   - list: a filtered incident page (time range, Idlib bbox, verdict=violation, 50 per page);
 *   - incident: one incident page (detail with reports, sources, findings, history), ids drawn from
 *     a seeded sample of 2,000 so that no single row stays hot;
 *   - compliance: weekly violations per party for one agreement over a quarter, with the previous quarter.
 * Targets (issue 7): list p99 < 50 ms and >= 2,000 req/s on SQLite.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { createApp } from '../src/api/app.js';
import { storeBackend } from '../src/api/store-backend.js';
import { openStore, type Store } from '../src/store/store.js';
import { builtinWorkspaceDir } from '../src/workspace/builtin.js';
import { loadWorkspaceOrThrow } from '../src/workspace/index.js';
import { mulberry32 } from './adjudicate.lib.js';
import { seedArchive } from './api-seed.lib.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const dataDir = `${here}.data`;

function arg(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

/** `n` distinct filtered-list requests (seeded; see main). */
export function rotatingLists(n: number): string[] {
  const rand = mulberry32(11);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = Math.floor(rand() * 48);
    const from = new Date(Date.UTC(2016, m, 1)).toISOString().slice(0, 10);
    const to = new Date(Date.UTC(2016, m + 12, 0)).toISOString().slice(0, 10);
    const lon = 36.0 + rand() * 0.6;
    const lat = 35.3 + rand() * 0.55;
    const bbox = [lon, lat, lon + 0.6, lat + 0.55].map((v) => v.toFixed(4)).join(',');
    out.push(`/api/v1/incidents?from=${from}&to=${to}&bbox=${bbox}&verdict=violation&limit=50`);
  }
  return out;
}

interface Target {
  dialect: 'sqlite' | 'postgres';
  url: string;
  schema?: string;
}

async function prepare(t: Target, n: number): Promise<{ sample: string[]; seedMs: number | null }> {
  let store: Store = await openStore({ url: t.url, schema: t.schema });
  let seedMs: number | null = null;
  if ((await store.stats()).incidents < n) {
    await store.close();
    if (t.dialect === 'sqlite') for (const f of ['', '-wal', '-shm']) rmSync(t.url + f, { force: true });
    else {
      const admin = await openStore({ url: t.url, migrate: false });
      await sql`DROP SCHEMA IF EXISTS ${sql.id(t.schema!)} CASCADE`.execute(admin.db);
      await admin.close();
    }
    store = await openStore({ url: t.url, schema: t.schema });
    process.stderr.write(`seeding ${n.toLocaleString('en')} incidents into ${t.dialect}...\n`);
    let shown = 0;
    const r = await seedArchive(store, n, (done) => {
      if (done - shown >= 100_000) {
        shown = done;
        process.stderr.write(`  ${done.toLocaleString('en')} incidents (${(performance.now() / 1000).toFixed(0)} s)\n`);
      }
    });
    seedMs = r.ms;
  }
  // a seeded sample of existing incident ids for the incident-page requests
  const rand = mulberry32(7);
  const wanted = Array.from({ length: 4000 }, () => `b${Math.floor(rand() * n)}`); // incident id = first report's external id
  const sample: string[] = [];
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await store.db
      .selectFrom('incidents')
      .select('id')
      .where('id', 'in', wanted.slice(i, i + 500))
      .execute();
    sample.push(...rows.map((r) => r.id));
  }
  await store.close();
  return { sample: sample.slice(0, 2000), seedMs };
}

/**
 * CPU time per request, in-process (app.request, no network, caches off): unlike latency under
 * autocannon, this barely moves when other jobs load the machine, so it is the figure to compare
 * between runs; 1000 / cpu_ms is the ceiling in req/s of one Node process on one idle core.
 */
async function cpuPerRequest(t: Target, paths: Record<string, readonly string[]>): Promise<Record<string, number>> {
  const store = await openStore({ url: t.url, schema: t.schema, migrate: false });
  const workspace = await loadWorkspaceOrThrow(builtinWorkspaceDir());
  const app = createApp({
    backend: storeBackend(store, workspace, {}, { complianceTtlMs: 0, listTtlMs: 0 }),
    config: { publicRead: true, webDist: null },
  });
  const out: Record<string, number> = {};
  for (const [name, list] of Object.entries(paths)) {
    const n = name.startsWith('compliance') ? 20 : 200;
    for (let i = 0; i < 10; i++) await (await app.request(list[i % list.length])).text();
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) await (await app.request(list[i % list.length])).text();
    const c = process.cpuUsage(c0);
    out[name] = (c.user + c.system) / 1000 / n;
  }
  await store.close();
  return out;
}

function startServer(
  t: Target,
  cacheMs: number | undefined,
  workers: number,
): Promise<{ child: ChildProcess; port: number }> {
  const args = [
    `${here}api-server.lib.ts`,
    t.url,
    t.schema ?? '',
    cacheMs === undefined ? '' : String(cacheMs),
    String(workers),
  ];
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

interface Figures {
  scenario: string;
  workers: number;
  connections: number;
  path: string;
  p50: number;
  p90: number;
  p99: number;
  rps: number;
  errors: number;
  non2xx: number;
  /** 1-minute load average right after the run (other jobs share the 2 cores) */
  load1: number;
}

async function load(
  port: number,
  workers: number,
  scenario: string,
  paths: readonly string[],
  duration: number,
  connections: number,
): Promise<Figures> {
  let i = 0;
  const requests = [
    { method: 'GET' as const, setupRequest: (req: { path: string }) => ({ ...req, path: paths[i++ % paths.length] }) },
  ];
  const url = `http://127.0.0.1:${port}`;
  // warm-up: page cache, prepared statements, JIT
  await autocannon({ url, connections, duration: 2, requests });
  const r = await autocannon({ url, connections, duration, requests });
  return {
    scenario,
    workers,
    connections,
    path: paths[0],
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    rps: Math.round(r.requests.average),
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    load1: loadavg()[0],
  };
}

export default async function main(args: string[]): Promise<void> {
  const n = Number(arg(args, 'n', '1000000'));
  const duration = Number(arg(args, 'duration', '10'));
  const connectionList = arg(args, 'connections', '10,50').split(',').map(Number);
  const workerList = arg(args, 'workers', '1,2').split(',').map(Number);
  const connections = Math.max(...connectionList);
  const dialects = arg(args, 'dialects', 'sqlite,postgres').split(',');
  mkdirSync(dataDir, { recursive: true });
  const pg = process.env.TRUCE_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
  const targets: Target[] = [];
  if (dialects.includes('sqlite')) targets.push({ dialect: 'sqlite', url: `${dataDir}/api-${n}.sqlite` });
  if (dialects.includes('postgres')) targets.push({ dialect: 'postgres', url: pg, schema: `bench_api_${n}` });

  const list = '/api/v1/incidents?from=2018-01-01&to=2019-01-01&bbox=36.0,35.3,37.2,36.4&verdict=violation&limit=50';
  // the honest list figure: every request a different filter (a seeded year-long window starting
  // in any month of 2016-2019, a quarter of the Idlib box placed anywhere inside it), so that no
  // cache of any kind (response, page cache aside) can answer it
  const lists = rotatingLists(2000);
  const compliance =
    '/api/v1/compliance?agreement=idlib-2018-sochi&from=2018-09-17&to=2018-12-17&bucket=week&group=party';
  const results: (Figures & { dialect: string })[] = [];
  const cpuRows: string[] = [];
  for (const t of targets) {
    const { sample, seedMs } = await prepare(t, n);
    if (args.includes('--seed-only')) {
      process.stderr.write(
        `${t.dialect}: ${sample.length} sample incidents; seeded in ${seedMs === null ? '(earlier run)' : `${(seedMs / 1000).toFixed(0)} s`}\n`,
      );
      continue;
    }
    if (seedMs !== null)
      process.stderr.write(
        `seeded ${t.dialect} in ${(seedMs / 1000).toFixed(0)} s (${Math.round(n / (seedMs / 1000)).toLocaleString('en')} incidents/s)\n`,
      );
    // the list and the compliance series are measured as served (identical requests share one
    // computation for 2 s / 10 s however many viewers ask) and with the caches off (every request
    // queries the database); incident pages are never cached. The headline, the uncached list over
    // 2,000 distinct filters, runs at every connection count and number of server processes.
    type Run = { cacheMs: number | undefined; workers: number; scenarios: [string, string[], number][] };
    const runs: Run[] = [
      {
        cacheMs: undefined,
        workers: 1,
        scenarios: [
          ['list (2 s cache)', [list], connections],
          ['compliance (10 s cache)', [compliance], connections],
        ],
      },
      ...workerList.map((workers) => ({
        cacheMs: 0,
        workers,
        scenarios: [
          ...connectionList.map((c): [string, string[], number] => [
            'list (no cache, 2,000 distinct filters)',
            lists,
            c,
          ]),
          ['list (no cache, one filter)', [list], connections] as [string, string[], number],
          ['incident', sample.map((id) => `/api/v1/incidents/${id}`), connections] as [string, string[], number],
          ['compliance (no cache)', [compliance], connections] as [string, string[], number],
        ],
      })),
    ];
    const cpu = await cpuPerRequest(t, {
      list: lists,
      incident: sample.map((id) => `/api/v1/incidents/${id}`),
      compliance: [compliance],
    });
    for (const [k, v] of Object.entries(cpu)) {
      cpuRows.push(`| ${t.dialect} | ${k} | ${v.toFixed(2)} | ${Math.round(1000 / v).toLocaleString('en')} |`);
      process.stderr.write(`${t.dialect} ${k}: ${v.toFixed(2)} ms CPU per request (in-process, uncached)\n`);
    }
    for (const { cacheMs, workers, scenarios } of runs) {
      const { child, port } = await startServer(t, cacheMs, workers);
      try {
        for (const [scenario, paths, c] of scenarios) {
          const f = await load(port, workers, scenario, paths, duration, c);
          results.push({ dialect: t.dialect, ...f });
          process.stderr.write(
            `${t.dialect} ${scenario}, ${workers} worker(s), ${c} connections: p50 ${f.p50} ms, p99 ${f.p99} ms, ${f.rps} req/s (errors ${f.errors}, non-2xx ${f.non2xx}; load ${f.load1.toFixed(1)})\n`,
          );
        }
      } finally {
        child.kill('SIGTERM');
      }
    }
  }
  const table = [
    `N = ${n.toLocaleString('en')} incidents (${(2 * n).toLocaleString('en')} findings), ${duration} s per scenario after a 2 s warm-up`,
    '',
    '| store | request | server processes | connections | p50 ms | p90 ms | p99 ms | req/s | errors / non-2xx | load avg |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.dialect} | ${r.scenario} | ${r.workers} | ${r.connections} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.rps.toLocaleString('en')} | ${r.errors} / ${r.non2xx} | ${r.load1.toFixed(1)} |`,
    ),
    '',
    '| store | request | Node CPU ms / request (in-process, uncached) | ceiling req/s on one core |',
    '|---|---|---|---|',
    ...cpuRows,
  ].join('\n');
  process.stdout.write(`${table}\n\nlist: ${list}\nlists, e.g.: ${lists[0]}\ncompliance: ${compliance}\n`);
  const load1 = loadavg()[0].toFixed(1);
  process.stdout.write(`load average (1 min) at the end: ${load1}\n`);
  writeFileSync(
    `${dataDir}/api-results.json`,
    JSON.stringify({ n, duration, results, load: load1, at: new Date().toISOString() }, null, 2),
  );
}
