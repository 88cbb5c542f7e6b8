/**
 * The role matrix, generated from the app itself: every operation in /openapi.json declares its
 * access (`x-truce-access`), every non-GET route Hono knows is in the document, and every write
 * route refuses anonymous callers (401) and each role below the one it needs (403), before it
 * looks at the request body. A new write route cannot escape this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/api/auth.js';
import { type Harness, harness } from './harness.js';

let h: Harness;
let doc: { paths: Record<string, Record<string, { 'x-truce-access'?: string }>> };
beforeAll(async () => {
  h = await harness({ publicRead: false, writeLimit: { burst: 10_000, perMinute: 60_000 } });
  doc = await (await h.app.request('/openapi.json')).json();
});
afterAll(() => h.close());

const concrete = (path: string) => path.replace(/\{[^}]+\}/g, 'x-1');
function operations() {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, access: op['x-truce-access'] })),
  );
}

describe('route table', () => {
  it('every operation declares its access', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(15);
    for (const op of ops) expect(op.access, `${op.method} ${op.path}`).toMatch(/^(read|viewer|monitor|analyst|admin)$/);
  });

  it('every non-GET route registered in the app is documented (so it is in the matrix)', () => {
    const documented = new Set(
      operations().map((o) => `${o.method.toUpperCase()} ${o.path.replace(/\{([^}]+)\}/g, ':$1')}`),
    );
    const writes = h.app.routes.filter((r) => !['GET', 'HEAD', 'ALL', 'OPTIONS'].includes(r.method));
    expect(writes.length).toBeGreaterThanOrEqual(4);
    for (const r of writes) expect(documented, `${r.method} ${r.path}`).toContain(`${r.method} ${r.path}`);
  });

  it('write routes never allow anonymous or viewer access', () => {
    for (const op of operations().filter((o) => o.method !== 'get'))
      expect(['monitor', 'analyst', 'admin']).toContain(op.access);
  });
});

describe('every write route refuses anonymous and under-privileged callers', () => {
  it('401 without a token, 403 below the required role, and passes the guard at the role', async () => {
    const writes = operations().filter((o) => o.method !== 'get');
    for (const op of writes) {
      const need = op.access as Role;
      const path = concrete(op.path);
      const anon = await h.send(op.method.toUpperCase(), path, {});
      expect(anon.status, `anonymous ${op.method} ${op.path}`).toBe(401);
      expect((await anon.json()).error.code).toBe('unauthorized');
      for (const role of ROLES.slice(0, ROLES.indexOf(need))) {
        const r = await h.send(op.method.toUpperCase(), path, {}, role);
        expect(r.status, `${role} ${op.method} ${op.path}`).toBe(403);
        expect((await r.json()).error.code).toBe('forbidden');
      }
      for (const role of ROLES.slice(ROLES.indexOf(need))) {
        const r = await h.send(op.method.toUpperCase(), path, {}, role);
        expect([400, 404], `${role} ${op.method} ${op.path} passes the guard`).toContain(r.status);
      }
    }
  });

  it('a malformed or unknown token is 401, even on reads', async () => {
    for (const header of ['Bearer nope', 'Basic abc', `Bearer truce_${'A'.repeat(43)}`]) {
      const r = await h.app.request('/api/v1/agreements', { headers: { authorization: header } });
      expect(r.status).toBe(401);
    }
  });
});

describe('reading', () => {
  it('needs a token unless reading is public', async () => {
    expect((await h.get('/api/v1/incidents')).status).toBe(401);
    expect((await h.get('/api/v1/incidents', 'viewer')).status).toBe(200);
    const pub = await harness({ publicRead: true });
    try {
      expect((await pub.get('/api/v1/incidents')).status).toBe(200);
      expect((await pub.send('POST', '/api/v1/reports', { text: 'x'.repeat(30) })).status).toBe(401);
    } finally {
      await pub.close();
    }
  });
});
