/** Bad input gets a clear 400 naming each offending field, with the stable error codes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness({ publicRead: true });
});
afterAll(() => h.close());

async function fields(res: Response) {
  expect(res.status).toBe(400);
  const body = await res.json();
  expect(body.error.code).toBe('validation_failed');
  expect(body.error.message).toEqual(expect.any(String));
  return (body.error.fields as { path: string; message: string }[]).map((f) => f.path).sort();
}

describe('query validation', () => {
  it.each([
    ['bbox=1,2,3', ['query.bbox']],
    ['bbox=10,2,3,4', ['query.bbox']],
    ['verdict=violation,maybe', ['query.verdict.1']],
    ['from=yesterday', ['query.from']],
    ['from=2018-10-01&to=2018-09-01', ['query.to']],
    ['limit=0', ['query.limit']],
    ['limit=abc', ['query.limit']],
    ['review=pending', ['query.review.0']],
    ['type=Air%20Strike', ['query.type.0']],
    ['zone=area', ['query.zone']],
    ['min_confidence=2', ['query.min_confidence']],
  ])('/incidents?%s names %j', async (q, want) => {
    expect(await fields(await h.get(`/api/v1/incidents?${q}`))).toEqual(want);
  });

  it('reports several bad fields at once', async () => {
    expect(await fields(await h.get('/api/v1/incidents?bbox=x&limit=-1'))).toEqual(['query.bbox', 'query.limit']);
  });

  it('unknown agreement or zone in filters names the field', async () => {
    expect(await fields(await h.get('/api/v1/incidents?agreement=nope'))).toEqual(['query.agreement']);
    expect(await fields(await h.get('/api/v1/incidents?agreement=demo-truce&zone=nope'))).toEqual(['query.zone']);
  });

  it('compliance needs from/to and a known bucket', async () => {
    expect(await fields(await h.get('/api/v1/compliance'))).toEqual(['query.from', 'query.to']);
    expect(await fields(await h.get('/api/v1/compliance?from=2018-01-01&to=2018-02-01&bucket=year'))).toEqual([
      'query.bucket',
    ]);
  });

  it('a cursor the server did not issue is refused, not silently restarted', async () => {
    expect(await fields(await h.get('/api/v1/incidents?cursor=garbage'))).toEqual(['query.cursor']);
    expect(await fields(await h.get('/api/v1/findings?cursor=%7B%7D'))).toEqual(['query.cursor']);
  });
});

describe('body validation', () => {
  it('a report needs text, and unknown fields are refused', async () => {
    expect(await fields(await h.send('POST', '/api/v1/reports', { text: 'short', colour: 'red' }, 'monitor'))).toEqual([
      'body',
      'body.text',
    ]);
    expect(
      await fields(
        await h.send(
          'POST',
          '/api/v1/reports',
          { text: 'A long enough report text here.', url: 'not a url' },
          'monitor',
        ),
      ),
    ).toEqual(['body.url']);
  });
  it('malformed JSON is invalid_json', async () => {
    const r = await h.send('POST', '/api/v1/reports', '{"text": ', 'monitor');
    expect(r.status).toBe(400);
    expect((await r.json()).error.code).toBe('invalid_json');
  });
  it('a review action is checked per action', async () => {
    const id = h.ids[0];
    expect(
      await fields(await h.send('POST', `/api/v1/incidents/${id}/review`, { action: 'explode' }, 'analyst')),
    ).toEqual(['body.action']);
    expect(
      await fields(
        await h.send(
          'POST',
          `/api/v1/incidents/${id}/review`,
          { action: 'override', agreement: 'demo-truce', verdict: 'permitted', justification: 'no' },
          'analyst',
        ),
      ),
    ).toEqual(['body.justification']);
    expect(
      await fields(await h.send('POST', `/api/v1/incidents/${id}/review`, { action: 'duplicate' }, 'analyst')),
    ).toEqual(['body.duplicate_of']);
  });
  it('a token needs a known role', async () => {
    expect(await fields(await h.send('POST', '/api/v1/tokens', { name: 'x', role: 'root' }, 'admin'))).toEqual([
      'body.role',
    ]);
  });
  it('an oversized body is payload_too_large', async () => {
    const small = await harness({ bodyLimitBytes: 1000 });
    try {
      const r = await small.send('POST', '/api/v1/reports', { text: 'x'.repeat(5000) }, 'monitor');
      expect(r.status).toBe(413);
      expect((await r.json()).error.code).toBe('payload_too_large');
    } finally {
      await small.close();
    }
  });
});
