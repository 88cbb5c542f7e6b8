/**
 * `npm run bench -- web [N] [--runs R] [--api-runs A]`: the dashboard's time to first map with N stored incidents
 * (default 100,000): from navigation to the map idle with every located incident loaded into its
 * clustered source and drawn, in Debian's headless chromium, against the real API and a SQLite
 * store of seeded synthetic incidents (test/web/dashboard-server.ts). Target: under 2 s.
 *
 * The store is built once per N in bench/.data/ and reused. Reports the median and the worst of R
 * page loads (default 5) and where the time goes (timing marks the dashboard sets), twice: with
 * the API answering, and with the incidents' GeoJSON answered from memory (the dashboard alone).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  const server = await startDashboardServer({ seed: fresh ? syntheticReports(n, 42, 'syria') : [], webDist: dist, database });
  log(`${fresh ? 'seeded and adjudicated' : 'reopened'} ${n.toLocaleString('en')} incidents in ${s(performance.now() - t)}`);

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const withApi: number[] = [];
  const alone: number[] = [];
  // The map's incidents reduced to what it draws (id, verdict, fatalities): what the API's
  // incidents.geojson returns for `properties=id,verdict,fatalities`, answered from memory to time
  // the dashboard alone. (An API that ignores `properties` sends every field: see BENCHMARKS.md.)
  const slimFile = join(dataDir, `web-${n}.slim.geojson`);
  if (fresh || !existsSync(slimFile)) {
    t = performance.now();
    const full = await (await fetch(`${server.url}/api/v1/incidents.geojson?properties=id,verdict,fatalities`)).text();
    log(`incidents.geojson: ${(full.length / 1e6).toFixed(1)} MB as served, in ${s(performance.now() - t)}`);
    const parsed = JSON.parse(full) as { features: { geometry: unknown; properties: Record<string, unknown> }[] };
    const body = {
      type: 'FeatureCollection',
      features: parsed.features.map((f) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: { id: f.properties.id, verdict: f.properties.verdict, fatalities: f.properties.fatalities },
      })),
    };
    writeFileSync(slimFile, JSON.stringify(body));
  }
  const slim = readFileSync(slimFile, 'utf8');
  log(`the map's incidents with only the drawn properties: ${(slim.length / 1e6).toFixed(1)} MB`);
  const plan: ('api' | 'alone')[] = [...Array(apiRuns).fill('api'), ...Array(runs + 1).fill('alone')];
  try {
    for (const [r, mode] of plan.entries()) {
      const warmUp = mode === 'alone' && plan.indexOf('alone') === r;
      // a fresh context per run: nothing cached between page loads
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      if (mode === 'alone') {
        await page.route('**/api/v1/incidents.geojson*', (route) => route.fulfill({ body: slim, contentType: 'application/geo+json' }));
      }
      await page.goto(`${server.url}/#/map`);
      await page.locator('[data-testid=map][data-map-state=ready]').waitFor({ timeout: 300_000 });
      const count = Number(await page.locator('[data-testid=map]').getAttribute('data-incident-count'));
      const marks = await page.evaluate(() =>
        Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name.replace('truce:', ''), Math.round(m.startTime)])),
      );
      const ready = marks['map-ready'];
      if (!warmUp) (mode === 'api' ? withApi : alone).push(ready);
      log(`${mode}${warmUp ? ' (warm-up, not counted)' : ''}: ${ready} ms to first map (${count.toLocaleString('en')} incidents), marks ${JSON.stringify(marks)}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  }
  for (const [what, xs] of [
    ['with the API', withApi],
    ['dashboard alone (incidents answered from memory)', alone],
  ] as const) {
    xs.sort((a, b) => a - b);
    log(`time to first map ${what}: median ${xs[Math.floor(xs.length / 2)]} ms, worst ${xs.at(-1)} ms over ${xs.length} runs (target < 2000 ms)`);
  }
}

function log(s: string): void {
  process.stdout.write(`${s}\n`);
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
