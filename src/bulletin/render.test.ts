import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBulletin } from './build-bulletin.js';
import { escapeMarkdown, safeUrl } from './escape.js';
import type { BulletinData } from './model.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';

const data = JSON.parse(
  readFileSync(new URL('../../test/bulletin/in/idlib-2018-10-11.json', import.meta.url), 'utf8'),
) as BulletinData;

describe('bulletin rendering is safe', () => {
  const html = renderHtml(buildBulletin(data));
  it('prints a script tag from a report as text', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
  });
  it('drops javascript: links and forbids scripts by policy', () => {
    expect(html).not.toContain('javascript:');
    expect(html).toContain("default-src 'none'");
  });
  it('escapes Markdown so a report cannot inject HTML or break a table', () => {
    const md = renderMarkdown(buildBulletin(data));
    expect(md).not.toMatch(/<script/i);
    expect(md).not.toContain('javascript:');
    expect(escapeMarkdown('a | b <img src=x> *c*\n# h')).toBe('a \\| b &lt;img src=x> \\*c\\* # h');
  });
  it('keeps only http(s) URLs', () => {
    expect(safeUrl('https://x.org/a')).toBe('https://x.org/a');
    expect(safeUrl(' JavaScript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,hi')).toBeNull();
  });
  it('draws each located incident of the day on the map, coloured by verdict', () => {
    const b = buildBulletin(data);
    expect(b.map.points.map((p) => [p.id, p.verdict])).toEqual([
      ['r-101', 'violation'],
      ['r-102', 'violation'],
      ['r-103', 'permitted'],
    ]);
    expect(html.match(/<circle cx=/g)?.length).toBe(3 + 4); // 3 incidents + 4 legend swatches
  });
});
