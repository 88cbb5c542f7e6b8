/**
 * A real API over a real store (SQLite in a temporary folder, or PostgreSQL in a random schema), with the fixture workspace
 * (test/api/fixtures/ws) and a seeded, deterministic set of incidents and findings, plus one API
 * token per role. No mocks: requests go through `app.request()` into the store.
 */
import { fileURLToPath } from 'node:url';
import { type ApiConfig, createApp } from '../../src/api/app.js';
import { issueToken, ROLES, type Role } from '../../src/api/auth.js';
import { storeBackend } from '../../src/api/store-backend.js';
import type { Finding, Verdict } from '../../src/domain/finding.js';
import type { ReportInput, Store } from '../../src/store/store.js';
import { loadWorkspaceOrThrow, type Workspace } from '../../src/workspace/index.js';
import { sqliteDialect, type TestDialect } from '../store/dialects.js';

export { DIALECTS } from '../store/dialects.js';

export const FIXTURE_WS = fileURLToPath(new URL('./fixtures/ws', import.meta.url));
const DAY = 86_400_000;
export const T0 = Date.UTC(2018, 8, 20, 10); // 2018-09-20T10:00Z

/** 40 incidents, one a day from T0, alternating places and types; every 5th is outside the area. */
export function seedReports(): ReportInput[] {
  const out: ReportInput[] = [];
  for (let i = 0; i < 40; i++) {
    const outside = i % 5 === 4;
    const t = T0 + i * DAY;
    out.push({
      format: 'jsonl',
      external_id: `inc-${i}`,
      sources: [i % 2 ? 'SOHR' : 'SNHR'],
      url: `https://example.org/report/${i}`,
      when: new Date(t).toISOString(),
      t_start: t,
      t_end: t + 1,
      lat: outside ? 33.5 : 35.5 + (i % 7) * 0.1,
      lon: outside ? 36.3 : 36.5 + (i % 3) * 0.2,
      precision_km: 1,
      place: outside ? 'Damascus' : i % 2 ? 'Idlib' : 'Saraqib',
      type: i % 3 === 0 ? 'armed_clash' : 'shelling_artillery_missile_attack',
      by: i % 4 === 0 ? 'opposition-front' : 'syrian-government',
      against: i % 6 === 0 ? 'islamic-state' : 'civilians',
      fatalities: i % 5,
      description: `Seeded incident ${i}${i === 7 ? ' near the marketplace' : ''}`,
      payload: {
        id: `inc-${i}`,
        text: `Report ${i}: shelling hit the town, killing ${i % 5} people.`,
        evidence: { type: [{ start: 10, end: 18, text: 'shelling' }] },
      },
    });
  }
  return out;
}

/** A deterministic verdict for the i-th seeded incident. */
export function verdictOf(i: number): Verdict {
  if (i % 5 === 4) return 'not_applicable';
  if (i % 6 === 0) return 'permitted';
  if (i % 7 === 3) return 'undetermined';
  return 'violation';
}

export interface Harness {
  app: ReturnType<typeof createApp>;
  store: Store;
  workspace: Workspace;
  tokens: Record<Role, string>;
  /** seeded incident ids by seed index */
  ids: string[];
  close(): Promise<void>;
  get(path: string, role?: Role): Promise<Response>;
  send(method: string, path: string, body: unknown, role?: Role): Promise<Response>;
}

export async function harness(config: Partial<ApiConfig> = {}, dialect: TestDialect = sqliteDialect): Promise<Harness> {
  const opened = await dialect.open();
  const { store } = opened;
  const workspace = await loadWorkspaceOrThrow(FIXTURE_WS);
  const reports = seedReports();
  const added = await store.addReports(reports);
  const ids: string[] = [];
  for (const rid of added.reportIds) ids.push((await store.getReport(rid))!.incident_id!);
  const findings: Finding[] = ids.map((id, i) => {
    const v = verdictOf(i);
    const party = v === 'not_applicable' ? null : (reports[i].by ?? null);
    return {
      incident: id,
      agreement: 'demo-truce',
      verdict: v,
      rule: v === 'not_applicable' ? null : 'ceasefire',
      clause: v === 'not_applicable' ? null : '§1',
      party,
      answerable: party === 'syrian-government' ? 'russia' : party === 'opposition-front' ? 'turkey' : null,
      reasons: [`seeded verdict ${v}`],
    };
  });
  await store.replaceFindings(ids, findings);
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) tokens[role] = (await issueToken(store.tokens, `test-${role}`, role)).token;
  const app = createApp({ backend: storeBackend(store, workspace), config: { publicRead: false, ...config } });
  const auth = (role?: Role): Record<string, string> => (role ? { authorization: `Bearer ${tokens[role]}` } : {});
  return {
    app,
    store,
    workspace,
    tokens,
    ids,
    close: () => opened.cleanup(),
    get: async (path, role) => app.request(path, { headers: auth(role) }),
    send: async (method, path, body, role) =>
      app.request(path, {
        method,
        headers: { ...auth(role), 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}
