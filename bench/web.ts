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
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  let cold: number | undefined;
  // the dashboard alone: GET /incidents/map answered from memory, with what the API answered for
  // the same URL during the warm-up run (the server's clustering and the network left out)
  const answers = new Map<string, { body: Buffer; headers: Record<string, string> }>();
  // the first page load with the API builds the server's snapshot of the located incidents (once
  // per filter set and server, then kept): timed apart as "cold", then warm runs
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
      await page.goto(`${server.url}/#/map`);
      await page.locator('[data-testid=map][data-map-state=ready]').waitFor({ timeout: 300_000 });
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
      else if (!warmUp) (mode === 'api' ? withApi : alone).push(ready);
      log(
        `${mode}${warmUp ? ' (warm-up, not counted)' : ''}: ${ready} ms to first map (${count.toLocaleString('en')} incidents; ${drawn}), marks ${JSON.stringify(marks)}`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  }
  log(`time to first map with the API, cold (the server builds its snapshot of the incidents): ${cold} ms`);
  for (const [what, xs] of [
    ['with the API (snapshot built)', withApi],
    ['dashboard alone (incidents answered from memory)', alone],
  ] as const) {
    xs.sort((a, b) => a - b);
    log(
      `time to first map ${what}: median ${xs[Math.floor(xs.length / 2)]} ms, worst ${xs.at(-1)} ms over ${xs.length} runs (target < 2000 ms)`,
    );
  }
}

function log(s: string): void {
  process.stdout.write(`${s}\n`);
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
