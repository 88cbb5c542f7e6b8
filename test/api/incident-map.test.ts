/**
 * GET /incidents/map against the list API: with the same filters, each cluster's count is what the
 * list returns for the cluster's `bbox`, the features cover every located incident once, the answer
 * is gzip-compressed when asked, revalidates by ETag, and a write through the API shows at once.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiBackend } from '../../src/api/backend.js';
import { newRouter } from '../../src/api/router.js';
import { incidentMapRoutes, SNAPSHOT_FRESH_MS } from '../../src/api/routes/incident-map.js';
import { DIALECTS, type Harness, harness, verdictOf } from './harness.js';

interface Feature {
  geometry: { coordinates: [number, number] };
  properties: {
    cluster: boolean;
    id: string;
    count?: number;
    bbox?: number[];
    verdict: string | null;
    verdicts?: Record<string, number>;
  };
}
interface MapAnswer {
  z: number;
  total: number;
  in_view: number;
  truncated: boolean;
  features: Feature[];
}

describe.each(DIALECTS)('$name', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ publicRead: true }, dialect);
  });
  afterAll(() => h.close());

  const map = async (query: string): Promise<MapAnswer> => {
    const r = await h.get(`/api/v1/incidents/map?${query}`);
    expect(r.status, await r.clone().text()).toBe(200);
    return r.json();
  };
  const listed = async (query: string): Promise<string[]> => {
    const items = (await (await h.get(`/api/v1/incidents?${query}&limit=1000`)).json()).items as {
      id: string;
      where: { lat: number | null };
    }[];
    return items.filter((i) => i.where.lat !== null).map((i) => i.id);
  };

  it.each(['', 'verdict=violation', 'agreement=demo-truce&zone=area', 'type=armed_clash&from=2018-10-01'])(
    'with filters "%s": each cluster is exactly the incidents the list returns for its bbox',
    async (filters) => {
      const all = await listed(filters);
      for (const z of [0, 6, 9, 11]) {
        const m = await map(`z=${z}${filters ? `&${filters}` : ''}`);
        expect(m.total).toBe(all.length);
        const ids: string[] = [];
        for (const f of m.features) {
          if (!f.properties.cluster) {
            ids.push(f.properties.id);
            continue;
          }
          const inCell = await listed(`${filters}${filters ? '&' : ''}bbox=${f.properties.bbox!.join(',')}`);
          expect(inCell.length, `cluster ${f.properties.id}`).toBe(f.properties.count);
          ids.push(...inCell);
        }
        expect(ids.sort()).toEqual([...all].sort());
      }
    },
  );

  it('clusters at low zoom and single incidents once zoomed in', async () => {
    const low = await map('z=5&view=35,32,43,38');
    expect(low.features.some((f) => f.properties.cluster)).toBe(true);
    expect(low.features.length).toBeLessThan(low.total);
    const high = await map('z=14&view=36,33,38,36');
    expect(high.features.every((f) => !f.properties.cluster)).toBe(true);
    expect(high.features.length).toBe(high.in_view);
  });

  it('rejects a malformed view or zoom', async () => {
    for (const q of ['z=3&view=1,2,3', 'z=3&view=5,0,1,1', 'z=-1', 'view=0,0,1,1']) {
      const r = await h.get(`/api/v1/incidents/map?${q}`);
      expect(r.status, q).toBe(400);
      expect((await r.json()).error.code).toBe('validation_failed');
    }
  });

  it('is gzip-compressed when the client accepts it, and revalidates by ETag', async () => {
    const plain = await (await h.get('/api/v1/incidents/map?z=14')).text();
    const r = await h.app.request('/api/v1/incidents/map?z=14', { headers: { 'accept-encoding': 'gzip' } });
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await r.arrayBuffer())).toString()).toBe(plain);
    const etag = r.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"map-\d+"$/);
    const again = await h.app.request('/api/v1/incidents/map?z=14', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('shows a verdict override at once (the write drops the snapshots)', async () => {
    const k = 14;
    expect(verdictOf(k)).toBe('not_applicable');
    const id = h.ids[k];
    const verdictOn = async () => (await map('z=14')).features.find((f) => f.properties.id === id)?.properties.verdict;
    expect(await verdictOn()).toBe('not_applicable');
    const r = await h.send(
      'POST',
      `/api/v1/incidents/${id}/review`,
      {
        action: 'override',
        agreement: 'demo-truce',
        verdict: 'violation',
        justification: 'imagery places it inside the area',
      },
      'analyst',
    );
    expect(r.status).toBe(200);
    expect(await verdictOn()).toBe('violation');
  });

  it('is in the OpenAPI document, and /incidents/{id} still answers', async () => {
    const doc = await (await h.get('/openapi.json')).json();
    expect(doc.paths['/api/v1/incidents/map'].get['x-truce-access']).toBe('read');
    expect((await h.get(`/api/v1/incidents/${h.ids[0]}`)).status).toBe(200);
    expect((await h.get('/api/v1/incidents/no-such-incident')).status).toBe(404);
  });
});

describe('incident map snapshots', () => {
  type Item = {
    id: string;
    where: { lon: number | null; lat: number | null };
    verdict: string | null;
    fatalities: number | null;
  };
  let now = 1_000_000;
  let builds = 0;
  let buildCost = 0;
  let items: Item[] = [];
  const backend = {
    async *exportIncidents(q: { verdict?: string[] }) {
      builds++;
      now += buildCost; // the build "takes" buildCost ms
      for (const i of items) if (!q.verdict || q.verdict.includes(i.verdict ?? '')) yield i;
    },
  } as unknown as ApiBackend;
  const app = newRouter();
  app.use('*', async (c, next) => {
    c.set('principal', { kind: 'anonymous' } as never);
    c.set('publicRead', true);
    await next();
  });
  app.route(
    '/api/v1',
    incidentMapRoutes(backend, () => now),
  );
  app.post('/api/v1/reports', (c) => c.json({ ok: true }, c.req.query('fail') ? 400 : 201));
  const at = (k: number, verdict: string): Item => ({
    id: `i${k}`,
    where: { lon: 36 + k / 100, lat: 35 },
    verdict,
    fatalities: 1,
  });
  const get = async (q = '') => {
    const r = await app.request(`/api/v1/incidents/map?z=14${q}`);
    expect(r.status).toBe(200);
    return { etag: r.headers.get('etag'), total: ((await r.json()) as { total: number }).total };
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

  it('builds once per filter set, answers a stale snapshot while rebuilding it, and drops all on a successful write', async () => {
    items = [at(1, 'violation'), at(2, 'permitted')];
    const first = await get();
    expect(first.total).toBe(2);
    expect(builds).toBe(1);
    items.push(at(3, 'violation'));
    now += SNAPSHOT_FRESH_MS - 1;
    expect(await get()).toEqual(first); // fresh: no rebuild
    expect(builds).toBe(1);
    expect((await get('&verdict=violation')).total).toBe(2); // another filter set, its own snapshot
    expect(builds).toBe(2);
    now += 2;
    expect(await get()).toEqual(first); // stale: answered from the old one...
    await settle();
    expect(builds).toBe(3); // ...while it is rebuilt
    const rebuilt = await get();
    expect(rebuilt.total).toBe(3);
    expect(rebuilt.etag).not.toBe(first.etag);

    items.push(at(4, 'undetermined'));
    expect((await app.request('/api/v1/reports?fail=1', { method: 'POST' })).status).toBe(400);
    expect((await get()).total).toBe(3); // a failed write changes nothing
    expect((await app.request('/api/v1/reports', { method: 'POST' })).status).toBe(201);
    expect((await get()).total).toBe(4); // the writer's next map has the change
    expect(builds).toBe(4);
  });

  it('keeps a snapshot fresh for 20 times its build time when that is longer than SNAPSHOT_FRESH_MS', async () => {
    buildCost = 2_000;
    await app.request('/api/v1/reports', { method: 'POST' });
    const b0 = builds;
    await get();
    expect(builds).toBe(b0 + 1);
    now += 39_000;
    await get();
    await settle();
    expect(builds).toBe(b0 + 1);
    now += 2_000;
    await get();
    await settle();
    expect(builds).toBe(b0 + 2);
  });
  it("warm() (truce serve at start) builds the first view's snapshot before anyone asks; the first visit reuses it", async () => {
    now += 100_000; // the snapshots above are stale by now
    items = [at(1, 'violation'), at(2, 'permitted')];
    const routes = incidentMapRoutes(backend, () => now);
    const fresh = newRouter();
    fresh.use('*', async (c, next) => {
      c.set('principal', { kind: 'anonymous' } as never);
      c.set('publicRead', true);
      await next();
    });
    fresh.route('/api/v1', routes);
    const b0 = builds;
    await routes.warm();
    expect(builds).toBe(b0 + 1);
    const r = await fresh.request('/api/v1/incidents/map?z=6');
    expect(((await r.json()) as { total: number }).total).toBe(2);
    expect(builds).toBe(b0 + 1); // no second build: the dashboard's unfiltered view was the warmed one
  });
});
