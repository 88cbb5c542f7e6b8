/** Every read route answers with a body its own response schema accepts, and with the right data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementDetail, agreementSummary } from '../../src/api/schemas/agreement.js';
import { complianceSeries } from '../../src/api/schemas/compliance.js';
import { incidentDetail, incidentSummary, findingSchema } from '../../src/api/schemas/incident.js';
import { reportDetail, reportSummary, sourceOut } from '../../src/api/schemas/report.js';
import { DIALECTS, type Harness, harness, verdictOf } from './harness.js';

describe.each(DIALECTS)('$name', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ publicRead: true }, dialect);
  });
  afterAll(() => h.close());

  async function json(path: string) {
    const r = await h.get(path);
    const body = await r.json();
    expect(r.status, `${path}: ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
    return body;
  }

  describe('meta', () => {
    it('GET /api/v1 says who you are', async () => {
      const anon = await json('/api/v1');
      expect(anon).toMatchObject({ name: 'truce', public_read: true, you: { authenticated: false } });
      expect(anon.map).toEqual({ tile_url: null });
      expect(await json('/api/v1/')).toEqual(anon);
      const me = await (await h.get('/api/v1', 'analyst')).json();
      expect(me.you).toEqual({ authenticated: true, name: 'test-analyst', role: 'analyst' });
    });
    it('GET /api/v1/health', async () => {
      expect(await json('/api/v1/health')).toEqual({ ok: true });
    });
    it('serves the OpenAPI 3.1 document and a docs page without external resources', async () => {
      const doc = await json('/openapi.json');
      expect(doc.openapi).toBe('3.1.0');
      expect(doc.components.schemas).toHaveProperty('Error');
      expect(doc.components.schemas).toHaveProperty('IncidentDetail');
      const page = await (await h.get('/docs')).text();
      expect(page).toContain('/openapi.json');
      expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/);
    });
  });

  describe('agreements', () => {
    it('lists agreements', async () => {
      const { items } = await json('/api/v1/agreements');
      expect(items).toHaveLength(1);
      agreementSummary.parse(items[0]);
      expect(items[0]).toMatchObject({
        id: 'demo-truce',
        status: 'in_force',
        counts: { bound: 2, guarantors: 2, excluded: 1, rules: 2, zones: 2 },
      });
    });
    it('shows one agreement with parties, rules with clauses, zones as GeoJSON and claims', async () => {
      await h.store.addClaim(
        {
          agreement_id: 'demo-truce',
          kind: 'announced',
          at: '2018-09-17T12:00:00Z',
          claimant: 'russia',
          text: 'The truce is in force.',
        },
        'test',
      );
      const a = agreementDetail.parse(await json('/api/v1/agreements/demo-truce'));
      expect(a.parties.bound.map((p) => p.id)).toEqual(['syrian-government', 'opposition-front']);
      expect(a.parties.bound[1]).toMatchObject({ name: 'Opposition Front', from: '2018-10-01' });
      expect(a.parties.guarantors[0]).toMatchObject({ id: 'russia', answers_for: ['syrian-government'] });
      expect(a.parties.excluded.map((p) => p.id)).toEqual(['islamic-state']);
      expect(a.rules.map((r) => [r.id, r.clause])).toEqual([
        ['ceasefire', '§1'],
        ['heavy-weapons-out', '§5'],
      ]);
      const dmz = a.zones.features.find((f) => f.id === 'dmz')!;
      expect(dmz.geometry?.type).toBe('Polygon');
      expect(dmz.properties).toMatchObject({ form: 'buffer', width_km: [15, 20] });
      expect(a.zones.features.find((f) => f.id === 'area')!.properties).toMatchObject({ form: 'polygon' });
      expect(a.claims.map((c) => c.text)).toEqual(['The truce is in force.']);
      expect(a.status_history.map((p) => [p.from, p.status])).toEqual([
        ['2018-09-16T21:00:00.000Z', 'in_force'],
        ['2018-09-17T12:00:00.000Z', 'announced'],
      ]);
      expect(a.status_history[0].until).toBe('2018-09-17T12:00:00.000Z');
      expect(a.obligations).toEqual([
        expect.objectContaining({
          rule: 'heavy-weapons-out',
          clause: '§5',
          who: ['opposition-front'],
          due: '2018-10-09T21:00:00.000Z',
          status: 'unknown',
        }),
      ]);
      expect(a.milestones).toEqual([{ date: '2018-10-15', title: 'Review meeting', status: 'held', note: null }]);
    });
    it('serves the zones alone as GeoJSON', async () => {
      const r = await h.get('/api/v1/agreements/demo-truce/zones');
      expect(r.headers.get('content-type')).toContain('application/geo+json');
      const fc = await r.json();
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.features.map((f: { id: string }) => f.id).sort()).toEqual(['area', 'dmz']);
    });
    it('404s an unknown agreement with the stable code', async () => {
      const r = await h.get('/api/v1/agreements/nope');
      expect(r.status).toBe(404);
      expect(await r.json()).toEqual({ error: { code: 'not_found', message: 'no agreement nope' } });
    });
    it('lists actors', async () => {
      const { items } = await json('/api/v1/actors');
      expect(items.find((a: { id: string }) => a.id === 'russia')).toEqual({
        id: 'russia',
        name: 'Russia',
        kind: 'state',
      });
    });
  });

  describe('incidents, findings, compliance, reports, sources', () => {
    it('lists incidents newest first with their verdicts', async () => {
      const page = await json('/api/v1/incidents?limit=5');
      expect(page.items).toHaveLength(5);
      for (const i of page.items) incidentSummary.parse(i);
      expect(page.items[0].id).toBe(h.ids[39]);
      expect(page.items[0].verdict).toBe(verdictOf(39));
      expect(page.next_cursor).toEqual(expect.any(String));
    });
    it('shows an incident with reports, evidence quotes, sources, findings with reasons and history', async () => {
      const d = incidentDetail.parse(await json(`/api/v1/incidents/${h.ids[1]}`));
      expect(d.reports[0].text).toContain('shelling hit the town');
      expect(d.reports[0].evidence).toEqual([{ field: 'type', start: 10, end: 18, quote: 'shelling' }]);
      expect(d.sources.map((s) => s.name)).toEqual(['SOHR']);
      expect(d.findings[0]).toMatchObject({
        agreement: 'demo-truce',
        verdict: verdictOf(1),
        rule: 'ceasefire',
        clause: '§1',
        reasons: [`seeded verdict ${verdictOf(1)}`],
      });
      expect(d.review).toMatchObject({ state: 'reported', history: [] });
    });
    it('404s an unknown incident', async () => {
      expect((await h.get('/api/v1/incidents/nope')).status).toBe(404);
    });
    it('lists findings, filtered by verdict and party', async () => {
      const page = await json('/api/v1/findings?verdict=violation&party=opposition-front&limit=100');
      for (const f of page.items) findingSchema.parse(f);
      const expected = h.ids.filter((_, i) => verdictOf(i) === 'violation' && i % 4 === 0);
      expect(page.items.map((f: { incident: string }) => f.incident).sort()).toEqual([...expected].sort());
    });
    it('computes compliance series with the previous period', async () => {
      const s = complianceSeries.parse(
        await json('/api/v1/compliance?agreement=demo-truce&from=2018-10-01&to=2018-10-15&bucket=day&group=guarantor'),
      );
      expect(s.series.map((x) => x.key).sort()).toEqual(['russia', 'turkey']);
      for (const x of s.series) {
        expect(x.points).toHaveLength(14);
        expect(x.previous).toHaveLength(14);
        expect(x.total).toBe(x.points.reduce((a, p) => a + p.count, 0));
      }
      // seeded: one incident a day from 2018-09-20, verdictOf(i) decides which count
      const day = (d: string) => Math.round((Date.parse(d) - Date.UTC(2018, 8, 20)) / 86_400_000);
      const want = (from: string, to: string) => {
        let n = 0;
        for (let i = day(from); i < day(to); i++) if (i >= 0 && i < 40 && verdictOf(i) === 'violation') n++;
        return n;
      };
      expect(s.series.reduce((a, x) => a + x.total, 0)).toBe(want('2018-10-01', '2018-10-15'));
      expect(s.series.reduce((a, x) => a + x.previous_total, 0)).toBe(want('2018-09-17', '2018-10-01'));
      const byZone = complianceSeries.parse(
        await json('/api/v1/compliance?from=2018-09-01&to=2018-12-01&bucket=month&group=zone'),
      );
      expect(byZone.series.map((x) => x.key)).toEqual(['area']);
      expect(byZone.series[0].points.map((p) => p.start)).toEqual([
        '2018-09-01T00:00:00.000Z',
        '2018-10-01T00:00:00.000Z',
        '2018-11-01T00:00:00.000Z',
      ]);
    });
    it('lists reports and shows one', async () => {
      const page = await json('/api/v1/reports?limit=3');
      expect(page.items).toHaveLength(3);
      for (const r of page.items) reportSummary.parse(r);
      const one = reportDetail.parse(await json(`/api/v1/reports/${page.items[0].id}`));
      expect(one.text).toMatch(/^Report \d+/);
      expect((await h.get('/api/v1/reports/nope')).status).toBe(404);
    });
    it('lists sources with report counts', async () => {
      const { items } = await json('/api/v1/sources');
      for (const s of items) sourceOut.parse(s);
      expect(items.map((s: { name: string; report_count: number }) => [s.name, s.report_count]).sort()).toEqual([
        ['SNHR', 20],
        ['SOHR', 20],
      ]);
    });
  });
});
