/**
 * Golden tests: each fixture in `in/` (the data the store would gather for one day) must render
 * exactly as the files in `out/`. Regenerate after an intended change with `REGEN=1`, then read
 * the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildBulletin } from '../../src/bulletin/build-bulletin.js';
import type { BulletinData } from '../../src/bulletin/model.js';
import { renderHtml } from '../../src/bulletin/render-html.js';
import { renderMarkdown } from '../../src/bulletin/render-markdown.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const fixtures = readdirSync(join(here, 'in')).filter((f) => f.endsWith('.json'));

describe('bulletin goldens', () => {
  for (const file of fixtures) {
    const name = file.replace(/\.json$/, '');
    const data = JSON.parse(readFileSync(join(here, 'in', file), 'utf8')) as BulletinData;
    const model = buildBulletin(data);
    for (const [ext, text] of [
      ['json', `${JSON.stringify(model, null, 2)}\n`],
      ['md', renderMarkdown(model)],
      ['html', renderHtml(model)],
    ] as const) {
      it(`${name}.${ext}`, () => {
        const out = join(here, 'out', `${name}.${ext}`);
        if (process.env.REGEN) writeFileSync(out, text);
        expect(existsSync(out), `${out} is missing: run with REGEN=1`).toBe(true);
        expect(text).toBe(readFileSync(out, 'utf8'));
      });
    }
  }
});
