/**
 * `npm run bench -- web [N] [--runs R] [--api-runs A]`: the dashboard's time to first map with N stored incidents
 * (default 100,000): from navigation to the map idle with the first view's incidents drawn (the
 * clusters and single incidents GET /incidents/map answers for it; `truce:map-ready`), in Debian's
 * headless chromium, against the real API and a SQLite store of seeded synthetic incidents
 * (test/web/dashboard-server.ts). Target: under 2 s.
 *
 * The store is built once per N in bench/.data/ and reused. Reports the first page load after the
 * server starts (cold: the server builds its snapshot of the incidents), then the median and the
 * worst of A page loads with the API and R with GET /incidents/map answered from memory (the
 * dashboard alone), and where the time goes (the dashboard's timing marks, resource timings).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDashboard, startDashboardServer, syntheticReports } from '../test/web/dashboard-server.js';

const CHROMIUM = '/usr/bin/chromium';

export default async function main(args: string[]): Promise<void> {
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
  const apiAt = args.indexOf('--api-runs');
  const apiRuns = apiAt >= 0 ? Number(args[apiAt + 1]) : 2;
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`bench web: needs ${CHROMIUM} (apt-get install -y chromium)\n`);
    process.exitCode = 1;
    return;
  }
  const dataDir = fileURLToPath(new URL('./.data/', import.meta.url));
  mkdirSync(dataDir, { recursive: true });
  const dist = mkdtempSync(join(tmpdir(), 'truce-bench-web-'));
  let t = performance.now();
  await buildDashboard(dist);
  log(`dashboard built in ${s(performance.now() - t)}`);

  t = performance.now();
  const database = join(dataDir, `web-${n}.sqlite`);
  const fresh = !existsSync(database);
  const server = await startDashboardServer({
    seed: fresh ? syntheticReports(n, 42, 'syria') : [],
    webDist: dist,
    database,
    warmMap: true, // as `truce serve`: the first view's snapshot is built at start
  });
  log(
    `${fresh ? 'seeded and adjudicated' : 'reopened'} ${n.toLocaleString('en')} incidents in ${s(performance.now() - t)}`,
  );

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const withApi: number[] = [];
  const alone: number[] = [];
  const cpuWithApi: number[] = [];
  const cpuAlone: number[] = [];
  let cold: number | undefined;
  // the dashboard alone: GET /incidents/map answered from memory, with what the API answered for
  // the same URL during the warm-up run (the server's clustering and the network left out)
  const answers = new Map<string, { body: Buffer; headers: Record<string, string> }>();
  // the first page load right after the server started: `truce serve` starts building the
  // unfiltered map's snapshot at start (warmMap), and this load waits for what is left of it
  // (timed apart as "cold"; other filter sets are built on their first request), then warm runs
  const plan: ('cold' | 'api' | 'alone')[] = ['cold', ...Array(apiRuns).fill('api'), ...Array(runs + 1).fill('alone')];
  try {
    for (const [r, mode] of plan.entries()) {
      const warmUp = mode === 'alone' && plan.indexOf('alone') === r;
      // a fresh context per run: nothing cached between page loads
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      if (mode === 'alone') {
        await page.route('**/api/v1/incidents/map*', async (route) => {
          const url = route.request().url();
          let hit = answers.get(url);
          if (!hit) {
            const res = await route.fetch();
            hit = { body: await res.body(), headers: res.headers() };
            answers.set(url, hit);
          }
          await route.fulfill({ body: hit.body, headers: hit.headers });
        });
      }
      const cpu0 = chromiumCpuMs();
      const server0 = process.cpuUsage();
      await page.goto(`${server.url}/#/map`);
      await page.locator('[data-testid=map][data-map-state=ready]').waitFor({ timeout: 300_000 });
      const cpu1 = chromiumCpuMs();
      const browserCpu = cpu1.total - cpu0.total;
      const perType = Object.entries(cpu1)
        .filter(([k]) => k !== 'total')
        .map(([k, v]) => `${k} ${v - (cpu0[k] ?? 0)}`)
        .join(', ');
      const serverUsage = process.cpuUsage(server0);
      const serverCpu = Math.round((serverUsage.user + serverUsage.system) / 1000);
      const map = page.locator('[data-testid=map]');
      const count = Number(await map.getAttribute('data-incident-count'));
      const drawn = `${await map.getAttribute('data-clusters')} clusters + ${await map.getAttribute('data-points')} incidents at zoom ${await map.getAttribute('data-zoom')}`;
      const marks = await page.evaluate(() => {
        const out: Record<string, number> = Object.fromEntries(
          performance.getEntriesByType('mark').map((m) => [m.name.replace('truce:', ''), Math.round(m.startTime)]),
        );
        for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
          const name = /\/incidents\/map|basemap\.geojson|maplibre-gl-worker|index-[^/]*\.js/.exec(e.name)?.[0];
          if (name)
            out[`${name.replace(/^\//, '')} [${Math.round(e.startTime)}, ${Math.round(e.responseEnd)}] bytes`] =
              e.encodedBodySize;
        }
        return out;
      });
      const ready = marks['map-ready'];
      if (mode === 'cold') cold = ready;
      else if (!warmUp) {
        (mode === 'api' ? withApi : alone).push(ready);
        (mode === 'api' ? cpuWithApi : cpuAlone).push(browserCpu + serverCpu);
      }
      log(
        `${mode}${warmUp ? ' (warm-up, not counted)' : ''}: ${ready} ms to first map (${count.toLocaleString('en')} incidents; ${drawn}); ` +
          `CPU ${browserCpu} ms chromium (${perType}) + ${serverCpu} ms this process (server, playwright); load ${loadavg()[0].toFixed(1)}; marks ${JSON.stringify(marks)}`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  }
  log(`time to first map with the API, cold (the server builds its snapshot of the incidents): ${cold} ms`);
  for (const [what, xs, cpu] of [
    ['with the API (snapshot built)', withApi, cpuWithApi],
    ['dashboard alone (incidents answered from memory)', alone, cpuAlone],
  ] as const) {
    xs.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    log(
      `time to first map ${what}: median ${xs[Math.floor(xs.length / 2)]} ms, worst ${xs.at(-1)} ms over ${xs.length} runs (target < 2000 ms); ` +
        `CPU per page load (chromium's processes + this one) median ${cpu[Math.floor(cpu.length / 2)]} ms`,
    );
  }
}

/**
 * CPU time (user + system) of every live process descending from this one, i.e. chromium's
 * browser, renderer, GPU and utility processes, per process type (`--type=`), from /proc (Linux).
 * Wall-clock time on a shared machine depends on the load; this much less.
 */
function chromiumCpuMs(): Record<string, number> {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      // the command name (field 2) may hold spaces: the fields after the last ')'
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(f[1]));
      // utime + stime, and cutime + cstime: a child that exited (a closed page's renderer) moves
      // its time to the parent that reaped it, so the total never goes down
      ticks.set(Number(d), Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]));
    } catch {
      // exited meanwhile
    }
  }
  const out: Record<string, number> = { total: 0 };
  for (const [pid, t] of ticks) {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p !== process.pid) continue;
      let type = 'browser';
      try {
        type = /--type=([\w-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1] ?? 'browser';
      } catch {
        // exited meanwhile
      }
      out[type] = (out[type] ?? 0) + t * 10; // USER_HZ is 100 on Linux
      out.total += t * 10;
      break;
    }
  }
  return out;
}

function log(s: string): void {
  process.stdout.write(`${s}\n`);
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
