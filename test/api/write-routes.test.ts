/** Write routes: token administration, report submission, the review workflow, write rate limits. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/api/auth.js';
import { createdToken, tokenRecord } from '../../src/api/schemas/token.js';
import { incidentDetail } from '../../src/api/schemas/incident.js';
import { submitReportResult } from '../../src/api/schemas/report.js';
import { type Harness, harness, verdictOf } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness({ publicRead: true, writeLimit: { burst: 1000, perMinute: 60_000 } });
});
afterAll(() => h.close());

describe('tokens (admin)', () => {
  it('creates a token shown once, stores only its SHA-256, and revokes it', async () => {
    const r = await h.send('POST', '/api/v1/tokens', { name: 'field monitor', role: 'monitor' }, 'admin');
    expect(r.status).toBe(201);
    const { token, record } = createdToken.parse(await r.json());
    expect(token).toMatch(/^truce_[A-Za-z0-9_-]{43}$/);
    const row = await h.store.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', record.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const me = await h.app.request('/api/v1', { headers: { authorization: `Bearer ${token}` } });
    expect((await me.json()).you).toEqual({ authenticated: true, name: 'field monitor', role: 'monitor' });

    const list = await (await h.get('/api/v1/tokens', 'admin')).json();
    for (const t of list.items) tokenRecord.parse(t);
    expect(JSON.stringify(list)).not.toContain(token);
    expect(list.items.map((t: { name: string }) => t.name)).toContain('field monitor');

    expect((await h.send('DELETE', `/api/v1/tokens/${record.id}`, {}, 'admin')).status).toBe(200);
    const after = await h.app.request('/api/v1', { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
    expect((await h.send('DELETE', '/api/v1/tokens/nope', {}, 'admin')).status).toBe(404);
  });
});

describe('reports (monitor)', () => {
  const text =
    'Idlib, 25 October 2018. Syrian government forces shelled the town of Saraqib on Thursday, killing three civilians, ' +
    'according to local activists. <script>alert(1)</script>';
  it('stores a submitted text, extracts its incidents, and is idempotent', async () => {
    const r = await h.send(
      'POST',
      '/api/v1/reports',
      { text, outlet: 'Local Coordination Committees', published: '2018-10-26', title: 'Saraqib shelled' },
      'monitor',
    );
    const body = await r.json();
    expect(r.status, JSON.stringify(body)).toBe(201);
    const res = submitReportResult.parse(body);
    expect(res.created).toBe(true);
    expect(res.report.submitted_by).toBe('test-monitor');
    expect(res.report.title).toBe('Saraqib shelled');
    const stored = await (await h.get(`/api/v1/reports/${res.report.id}`)).json();
    expect(stored.text).toBe(text); // kept verbatim; the dashboard renders it as text
    expect(res.incidents).toHaveLength(1);
    expect(res.incidents[0]).toMatchObject({
      type: 'shelling_artillery_missile_attack',
      by: 'syrian-government',
      against: 'civilians',
      fatalities: 3,
    });
    const inc = incidentDetail.parse(await (await h.get(`/api/v1/incidents/${res.incidents[0].id}`)).json());
    const rep = inc.reports.find((x) => x.id === res.report.id)!;
    expect(rep.text).toBe(text);
    // the evidence quotes are the words of the text at their offsets
    expect(rep.evidence.length).toBeGreaterThan(0);
    for (const e of rep.evidence) expect(text.slice(e.start, e.end)).toBe(e.quote);
    const again = submitReportResult.parse(
      await (
        await h.send(
          'POST',
          '/api/v1/reports',
          { text, outlet: 'Local Coordination Committees', published: '2018-10-26', title: 'Saraqib shelled' },
          'monitor',
        )
      ).json(),
    );
    expect(again.created).toBe(false);
    expect(again.report.id).toBe(res.report.id);
  });
});

describe('review (analyst)', () => {
  const act = (id: string, body: object, role: 'analyst' | 'admin' = 'analyst') =>
    h.send('POST', `/api/v1/incidents/${id}/review`, body, role);

  it('lock -> verify, with the history kept', async () => {
    const id = h.ids[10];
    expect((await act(id, { action: 'verify' })).status).toBe(409); // not locked yet
    const locked = incidentDetail.parse(await (await act(id, { action: 'lock' })).json());
    expect(locked.review).toMatchObject({ state: 'under_review', locked_by: 'test-analyst' });
    const other = await act(id, { action: 'verify' }, 'admin');
    expect(other.status).toBe(409);
    expect((await other.json()).error.code).toBe('conflict_locked');
    const done = incidentDetail.parse(
      await (await act(id, { action: 'verify', note: 'two independent sources' })).json(),
    );
    expect(done.review_state).toBe('verified');
    expect(done.review.history.map((e) => e.action)).toEqual(['lock', 'review:verified']);
    expect(done.review.history.every((e) => e.by === 'test-analyst')).toBe(true);
  });

  it('verify needs the lock first: conflict_not_locked', async () => {
    const r = await act(h.ids[11], { action: 'reject' });
    expect(r.status).toBe(409);
    expect((await r.json()).error.code).toBe('conflict_not_locked');
  });

  it('duplicate names the original', async () => {
    const id = h.ids[12];
    await act(id, { action: 'lock' });
    const r = incidentDetail.parse(await (await act(id, { action: 'duplicate', duplicate_of: h.ids[13] })).json());
    expect(r.review).toMatchObject({ state: 'duplicate', duplicate_of: h.ids[13] });
  });

  it('override replaces a verdict with a justification, and clear_override restores it', async () => {
    const id = h.ids[14];
    expect(verdictOf(14)).toBe('not_applicable');
    const total = async () => {
      const s = await (
        await h.get('/api/v1/compliance?from=2018-09-01&to=2018-12-01&bucket=month&group=agreement')
      ).json();
      return s.series.reduce((a: number, x: { total: number }) => a + x.total, 0) as number;
    };
    const before = await total(); // now cached
    const violations = async () =>
      ((await (await h.get('/api/v1/incidents?verdict=violation&limit=1000')).json()).items as { id: string }[]).map(
        (i) => i.id,
      );
    expect(await violations()).not.toContain(id); // now cached too
    const o = incidentDetail.parse(
      await (
        await act(id, {
          action: 'override',
          agreement: 'demo-truce',
          verdict: 'violation',
          justification: 'satellite imagery places it inside the area',
        })
      ).json(),
    );
    expect(o.verdict).toBe('violation');
    expect(o.findings[0]).toMatchObject({
      verdict: 'violation',
      overridden: true,
      computed_verdict: 'not_applicable',
      justification: 'satellite imagery places it inside the area',
    });
    // the write cleared the cached series: the override counts at once
    expect(await total()).toBe(before + 1);
    expect(await violations()).toContain(id);
    const c = incidentDetail.parse(
      await (
        await act(id, {
          action: 'clear_override',
          agreement: 'demo-truce',
          justification: 'imagery was misread, see note',
        })
      ).json(),
    );
    expect(c.verdict).toBe('not_applicable');
    expect(c.review.history.map((e) => e.justification)).toContain('satellite imagery places it inside the area');
  });

  it('unknown incident is not_found; unknown agreement in an override names the field', async () => {
    expect((await act('nope', { action: 'lock' })).status).toBe(404);
    const r = await act(h.ids[15], {
      action: 'override',
      agreement: 'nope',
      verdict: 'violation',
      justification: 'long enough justification',
    });
    expect(r.status).toBe(400);
    expect((await r.json()).error.fields).toEqual([{ path: 'body.agreement', message: 'unknown agreement' }]);
  });
});

describe('rate limits on writes', () => {
  it('answers 429 with Retry-After once a token has used its burst, per token', async () => {
    const small = await harness({ writeLimit: { burst: 3, perMinute: 6 } });
    try {
      const post = (role: 'monitor' | 'analyst') =>
        small.send('POST', `/api/v1/incidents/${small.ids[0]}/review`, { action: 'explode' }, role);
      for (let i = 0; i < 3; i++) expect((await post('analyst')).status).toBe(400);
      const limited = await post('analyst');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await limited.json()).error.code).toBe('rate_limited');
      // another token has its own bucket; reads are not limited
      expect((await small.send('POST', '/api/v1/tokens', { name: 'x', role: 'nope' }, 'admin')).status).toBe(400);
      for (let i = 0; i < 5; i++) expect((await small.get('/api/v1/agreements', 'analyst')).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe('dashboard serving', () => {
  it('serves web/dist at / and index.html for client routes; API paths stay JSON', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'truce-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Truce</title>');
    writeFileSync(join(dist, 'app.js'), 'console.log(1)');
    const w = await harness({ publicRead: true, webDist: dist });
    try {
      expect(await (await w.get('/')).text()).toContain('<title>Truce</title>');
      expect(await (await w.get('/app.js')).text()).toBe('console.log(1)');
      const deep = await w.get('/incidents/abc');
      expect(deep.status).toBe(200);
      expect(await deep.text()).toContain('<title>Truce</title>');
      const api = await w.get('/api/v1/nothing');
      expect(api.status).toBe(404);
      expect((await api.json()).error.code).toBe('not_found');
    } finally {
      await w.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
