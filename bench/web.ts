/**
 * `npm run bench -- web [N] [--runs R]`: the dashboard's time to first map with N stored incidents
 * (default 100,000): from navigation to the map idle with every located incident loaded into its
 * clustered source and drawn, in Debian's headless chromium, against the real API and a SQLite
 * store of seeded synthetic incidents (test/web/dashboard-server.ts). Target: under 2 s.
 *
 * The store is built once per N in bench/.data/ and reused. Reports the median and the worst of R
 * page loads (default 5) and where the time goes (timing marks the dashboard sets).
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
  const server = await startDashboardServer({ seed: fresh ? syntheticReports(n, 42) : [], webDist: dist, database });
  log(`${fresh ? 'seeded and adjudicated' : 'reopened'} ${n.toLocaleString('en')} incidents in ${s(performance.now() - t)}`);

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const totals: number[] = [];
  try {
    for (let r = 0; r < runs + 1; r++) {
      // a fresh context per run: nothing cached between page loads
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const start = Date.now();
      await page.goto(`${server.url}/#/map`);
      await page.locator('[data-testid=map][data-map-state=ready]').waitFor({ timeout: 120_000 });
      const wall = Date.now() - start;
      const count = Number(await page.locator('[data-testid=map]').getAttribute('data-incident-count'));
      const marks = await page.evaluate(() =>
        Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name.replace('truce:', ''), Math.round(m.startTime)])),
      );
      const ready = marks['map-ready'] ?? wall;
      // the first load warms the server's caches and the OS file cache; it is not counted
      if (r > 0) totals.push(ready);
      log(`run ${r}${r === 0 ? ' (warm-up)' : ''}: ${ready} ms to first map (${count.toLocaleString('en')} incidents), marks ${JSON.stringify(marks)}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  }
  totals.sort((a, b) => a - b);
  const median = totals[Math.floor(totals.length / 2)];
  log(`time to first map, ${n.toLocaleString('en')} incidents: median ${median} ms, worst ${totals.at(-1)} ms over ${totals.length} runs (target < 2000 ms)`);
}

function log(s: string): void {
  process.stdout.write(`${s}\n`);
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
