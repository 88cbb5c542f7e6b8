/** The documented error catalogue (docs/api.md, /openapi.json) matches the one the code uses. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '../../src/api/errors.js';
import { harness } from './harness.js';

const doc = readFileSync(fileURLToPath(new URL('../../docs/api.md', import.meta.url)), 'utf8');

describe('error catalogue', () => {
  it('docs/api.md lists every code with its status, and no other', () => {
    const rows = [...doc.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]);
    expect(rows).toEqual(Object.entries(ERROR_CATALOGUE).map(([code, e]) => [code, e.status]));
  });

  it('the OpenAPI Error schema enumerates the same codes', async () => {
    const h = await harness();
    const spec = await (await h.app.request('/openapi.json')).json();
    await h.close();
    expect(spec.components.schemas.Error.properties.error.properties.code.enum).toEqual(Object.keys(ERROR_CATALOGUE));
  });
});
