/**
 * The dashboard in Debian's chromium (playwright-core) against `truce serve` (a child process on a
 * free port, a temporary SQLite store filled with the built-in Syria workspace's evidence): the
 * map draws the incidents the API lists with no request leaving the server, filters live in the URL, an
 * incident page shows verdicts with reasons, a monitor submits a report, an analyst verifies it
 * and overrides its verdict, and the change shows. A `<script>` in a report stays text.
 * Screenshots go to test-results/web/. Skipped, with a message, when chromium is absent.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard, WEB_ROOT } from './dashboard-server.js';
import { startTruceServe, type TruceServe } from './truce-serve.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`SKIPPED: dashboard browser tests need ${CHROMIUM} (apt-get install -y chromium)`);
const SHOTS = join(process.cwd(), 'test-results', 'web');

describe.skipIf(!hasChromium)('dashboard in chromium', () => {
  let server: TruceServe;
  let browser: Browser;
  let page: Page;
  const external: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // truce serve serves web/dist: build it as `npm run build` would
    await buildDashboard(join(WEB_ROOT, 'dist'));
    server = await startTruceServe();
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:')) external.push(u);
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => {
      pageErrors.push(`dialog opened: ${d.message()}`);
      void d.dismiss();
    });
    mkdirSync(SHOTS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const signIn = async (role: 'monitor' | 'analyst') => {
    await page.fill('[data-testid=token-input]', server.tokens[role]);
    await page.click('.token-form button[type=submit]');
    await page.waitForFunction((r) => document.querySelector('[data-testid=identity]')?.textContent?.includes(`(${r})`), role);
  };

  let total = 0;
  it('draws the map of the incidents the API lists, from the bundled boundaries, with no external request', async () => {
    const api = (await (await fetch(`${server.url}/api/v1/incidents.geojson`)).json()) as { features: unknown[] };
    total = api.features.length;
    expect(total, 'truce serve loads the workspace evidence into an empty store').toBeGreaterThan(10);
    await page.goto(`${server.url}/#/map`);
    const map = page.locator('[data-testid=map][data-map-state=ready]');
    await map.waitFor({ timeout: 60_000 });
    expect(Number(await map.getAttribute('data-incident-count'))).toBe(total);
    await page.locator('[data-testid=timeline] canvas').waitFor();
    await shot('01-map');
    expect(external).toEqual([]);
  });

  it('draws server-side clusters: a cluster counts the incidents the list API returns for its cell, and zooming in reveals single incidents', async () => {
    const map = page.locator('[data-testid=map]');
    const num = async (attr: string) => Number(await map.getAttribute(attr));
    expect(await num('data-clusters')).toBeGreaterThan(0);
    /** the cluster labels whose centre is on the visible map (the view fetched reaches beyond it) */
    const visibleClusters = async () => {
      const frame = (await map.boundingBox())!;
      const out: { id: string; count: number; x: number; y: number }[] = [];
      for (const label of await page.locator('[data-testid=map] .cluster-label').all()) {
        const b = await label.boundingBox();
        if (!b) continue;
        const [x, y] = [b.x + b.width / 2, b.y + b.height / 2];
        if (x < frame.x + 40 || x > frame.x + frame.width - 60 || y < frame.y + 40 || y > frame.y + frame.height - 40) continue;
        out.push({ id: (await label.getAttribute('data-cluster'))!, count: Number(await label.getAttribute('data-count')), x, y });
      }
      return out.sort((a, b) => b.count - a.count);
    };
    // a cluster `z/x/y` is the XYZ tile (z+2)/x/y: its lon/lat box, computed here independently
    const [z, x, y] = (await visibleClusters())[0].id.split('/').map(Number);
    const scale = 2 ** (z + 2);
    const lat = (row: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * (row / scale)))) * 180) / Math.PI;
    const bbox = [(x / scale) * 360 - 180, lat(y + 1), ((x + 1) / scale) * 360 - 180, lat(y)].join(',');
    let listed = 0;
    let cursor: string | null = null;
    do {
      const r = await fetch(`${server.url}/api/v1/incidents?bbox=${bbox}&limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      const body = (await r.json()) as { items: unknown[]; next_cursor: string | null };
      listed += body.items.length;
      cursor = body.next_cursor;
    } while (cursor);
    expect(listed).toBeGreaterThan(1);
    expect(Number(await page.locator(`[data-cluster="${z}/${x}/${y}"]`).getAttribute('data-count'))).toBe(listed);

    // clicking the largest cluster zooms to its incidents, until they show one by one
    const points = await num('data-points');
    for (let i = 0; i < 8 && (await num('data-points')) <= points; i++) {
      const zoom = await num('data-zoom');
      const [biggest] = await visibleClusters();
      if (!biggest) break;
      await page.mouse.click(biggest.x, biggest.y);
      await page.waitForFunction((z0) => Number(document.querySelector('[data-testid=map]')?.getAttribute('data-zoom')) > z0, zoom);
    }
    expect(await num('data-zoom')).toBeGreaterThan(z);
    expect(await num('data-points')).toBeGreaterThan(points);
    await shot('01b-zoomed');
    // the total stays that of the filters, wherever the map looks
    expect(await num('data-incident-count')).toBe(total);
  });

  it('filters by verdict through the URL, and a shared URL restores the view', async () => {
    await page.check('[data-filter=verdict-violation]');
    await page.waitForFunction(() => location.hash.includes('verdict=violation'));
    const map = page.locator('[data-testid=map][data-map-state=ready]');
    await map.waitFor();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=map]')?.getAttribute('data-incident-count')) < n, total);
    const count = Number(await map.getAttribute('data-incident-count'));
    expect(count).toBeGreaterThan(0);
    const badges = await page.locator('[data-testid=incident-list] li .badge').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(['violation']));
    const shared = page.url();
    await page.goto(`${server.url}/#/agreements`);
    await page.goto(shared);
    await page.locator('[data-testid=map][data-map-state=ready]').waitFor();
    expect(await page.isChecked('[data-filter=verdict-violation]')).toBe(true);
    expect(Number(await page.locator('[data-testid=map]').getAttribute('data-incident-count'))).toBe(count);
    await shot('02-filtered');
  });

  it('opens an incident with its verdicts and reasons', async () => {
    await page.locator('[data-testid=incident-list] li a').first().click();
    await page.waitForFunction(() => location.hash.startsWith('#/incidents/'));
    const finding = page.locator('[data-testid=findings] li[data-verdict=violation]').first();
    await finding.waitFor();
    expect(await finding.locator('ul.reasons li').count()).toBeGreaterThan(0);
    await shot('03-incident');
  });

  it('shows an agreement: parties, rules with clauses, deadlines with countdowns', async () => {
    await page.goto(`${server.url}/#/agreements/idlib-2018-sochi`);
    await page.locator('[data-testid=agreement-title]').waitFor();
    expect(await page.locator('[data-testid=bound] li').allTextContents()).toContain('Government of Syria');
    const deadlines = page.locator('[data-testid=obligations] tbody tr');
    expect(await deadlines.count()).toBeGreaterThan(0);
    // the Sochi deadlines passed in 2018: their countdowns say how long ago
    expect(await page.locator('[data-testid=obligations] .countdown').first().textContent()).toMatch(/\d+ d \d+ h overdue/);
    await shot('03b-agreement');
  });

  let submitted = '';
  it('lets a monitor submit a report; its script tag stays text', async () => {
    await signIn('monitor');
    await page.goto(`${server.url}/#/submit`);
    await page.fill(
      '[data-testid=report-text-input]',
      'On 12 October 2018, regime forces shelled the town of Khan Shaykhun in southern Idlib, killing three civilians, including a child. <script>window.__xss = 1; alert(1)</script>',
    );
    await page.fill('input[name=outlet]', 'E2E monitor');
    await page.fill('input[name=published]', '2018-10-13');
    await page.click('[data-testid=submit-form] button[type=submit]');
    const link = page.locator('[data-testid=submitted-incidents] a').first();
    await link.waitFor({ timeout: 30_000 });
    await shot('04-submitted');
    await link.click();
    await page.waitForFunction(() => location.hash.startsWith('#/incidents/'));
    submitted = decodeURIComponent(page.url().split('#/incidents/')[1]);
    const text = page.locator('[data-testid=report-text]').first();
    await text.waitFor();
    expect(await text.textContent()).toContain('<script>window.__xss = 1; alert(1)</script>');
    expect(await page.locator('[data-testid=report-text] mark').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.locator('[data-testid=findings] li[data-agreement=idlib-2018-sochi]').getAttribute('data-verdict')).toBe('violation');
  });

  it('lets an analyst verify it and override its verdict, and the change shows', async () => {
    await signIn('analyst');
    const inQueue = () => page.locator(`[data-testid=review-queue] tr[data-incident="${submitted}"]`);
    // the queue lists the newest first: narrow it to the report's day
    const queue = `${server.url}/#/review?from=2018-10-12&to=2018-10-13`;
    await page.goto(queue);
    await page.locator('[data-testid=review-queue]').waitFor();
    expect(await inQueue().count()).toBe(1);
    await shot('05-review-queue');
    await page.goto(`${server.url}/#/incidents/${encodeURIComponent(submitted)}`);
    await page.locator('[data-testid=review-actions]').waitFor();
    await page.click('[data-testid=review-actions] button[data-action=verify]');
    await page.waitForFunction(() => document.querySelector('[data-testid=review-state]')?.textContent === 'verified');
    await page.selectOption('[data-testid=override-agreement]', 'idlib-2018-sochi');
    await page.selectOption('[data-testid=override-verdict]', 'undetermined');
    await page.fill('[data-testid=override-justification]', 'The source could not confirm who fired; E2E override.');
    await page.click('[data-testid=override-form] button[type=submit]');
    const sochi = page.locator('[data-testid=findings] li[data-agreement=idlib-2018-sochi]');
    await page.waitForFunction(() => document.querySelector('[data-testid=findings] li[data-agreement=idlib-2018-sochi]')?.getAttribute('data-verdict') === 'undetermined');
    expect(await sochi.locator('.override').textContent()).toContain('E2E override');
    expect(await page.locator('[data-testid=review-history] li').count()).toBeGreaterThanOrEqual(2);
    await shot('06-reviewed');
    await page.goto(queue);
    await page.locator('[data-testid=review-queue], [data-testid=queue-empty]').first().waitFor();
    expect(await inQueue().count()).toBe(0);
    expect(pageErrors).toEqual([]);
    expect(external).toEqual([]);
  });
});
