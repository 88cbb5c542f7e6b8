/**
 * The dashboard build and an in-process server for the benchmark (bench/web.ts): the real API app
 * (src/api/app.ts) over a real SQLite store, the built-in Syria workspace and the adjudicator,
 * assembled as `truce serve` assembles them, but seeded with synthetic incidents and serving a
 * dashboard built into any folder. The browser tests run the real command (truce-serve.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/api/app.js';
import { issueToken, ROLES, type Role } from '../../src/api/auth.js';
import { storeBackend } from '../../src/api/store-backend.js';
import { adjudicatorFor } from '../../src/services/compliance-workspace.js';
import { refreshStaleFindings } from '../../src/services/stored-findings.js';
import { openStore, type ReportInput } from '../../src/store/store.js';
import { builtinWorkspaceDir, loadWorkspaceOrThrow } from '../../src/workspace/index.js';
import { mulberry32 } from '../../bench/mulberry32.lib.js';
export { mulberry32 } from '../../bench/mulberry32.lib.js';

export const WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));

/** Build the dashboard with the project's Vite config into `outDir`. */
export async function buildDashboard(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
}

export interface DashboardServer {
  url: string;
  tokens: Record<Role, string>;
  close(): Promise<void>;
}

export async function startDashboardServer(opts: {
  seed: ReportInput[];
  webDist: string;
  publicRead?: boolean;
  /** a SQLite file to use and keep (benchmarks); default: a temporary one, removed on close */
  database?: string;
  /** build the unfiltered map snapshot at start, as `truce serve` does */
  warmMap?: boolean;
}): Promise<DashboardServer> {
  const dir = mkdtempSync(join(tmpdir(), 'truce-web-'));
  const workspace = await loadWorkspaceOrThrow(builtinWorkspaceDir());
  const store = await openStore({ url: opts.database ?? join(dir, 'truce.sqlite') });
  const adjudicator = adjudicatorFor(workspace);
  for (let i = 0; i < opts.seed.length; i += 20_000) await store.addReports(opts.seed.slice(i, i + 20_000));
  await refreshStaleFindings(store, adjudicator);
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) tokens[role] = (await issueToken(store.tokens, `e2e-${role}`, role)).token;
  const backend = storeBackend(store, workspace, {
    adjudicate: async (s) => {
      await refreshStaleFindings(s, adjudicator);
    },
  });
  const app = createApp({ backend, config: { publicRead: opts.publicRead ?? true, webDist: opts.webDist, warmMap: opts.warmMap } });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tokens,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const ACTORS: [by: string, against: string, type: string][] = [
  ['syrian-government', 'civilians', 'shelling_artillery_missile_attack'],
  ['syrian-government', 'civilians', 'air_drone_strike'],
  ['national-front-for-liberation', 'syrian-government', 'armed_clash'],
  ['syrian-government', 'hayat-tahrir-al-sham', 'air_drone_strike'],
  ['hayat-tahrir-al-sham', 'syrian-government', 'armed_clash'],
];

/** where and when synthetic incidents fall: [minLon, minLat, lon span, lat span], first day, days */
const AREAS = {
  // in and around the Idlib de-escalation area while the Sochi memorandum was in force
  idlib: { box: [36.0, 35.2, 1.3, 1.2], start: Date.UTC(2018, 8, 20), days: 180 },
  // Syria's extent over four years: spread enough that few reports merge into one incident
  syria: { box: [35.8, 32.5, 6.2, 4.7], start: Date.UTC(2016, 0, 1), days: 4 * 365 },
} as const;

/** `n` synthetic incidents as JSONL-format reports (see AREAS). */
export function syntheticReports(n: number, seed = 7, area: keyof typeof AREAS = 'idlib'): ReportInput[] {
  const rnd = mulberry32(seed);
  const { box, start, days } = AREAS[area];
  const out: ReportInput[] = [];
  for (let i = 0; i < n; i++) {
    const [by, against, type] = ACTORS[Math.floor(rnd() * ACTORS.length)];
    const t = start + Math.floor(rnd() * days * 86_400_000);
    const lat = box[1] + rnd() * box[3];
    const lon = box[0] + rnd() * box[2];
    const fatalities = Math.floor(rnd() * rnd() * 12);
    const when = new Date(t).toISOString();
    out.push({
      format: 'jsonl',
      external_id: `syn-${seed}-${i}`,
      sources: [rnd() < 0.5 ? 'SOHR' : 'SNHR'],
      url: `https://example.org/synthetic/${seed}/${i}`,
      when,
      t_start: t,
      t_end: t,
      lat,
      lon,
      precision_km: 1,
      place: `place ${i % 50}`,
      type,
      by,
      against,
      fatalities,
      description: `Synthetic incident ${i}`,
      payload: { id: `syn-${seed}-${i}`, when, where: { lat, lon, precision_km: 1 }, type, by, against, fatalities: { total: fatalities } },
    });
  }
  return out;
}
