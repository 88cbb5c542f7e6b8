/**
 * Golden files for extraction: test/extract/in/NAME.txt -> out/NAME.jsonl (one line per incident,
 * claim or, for Arabic, mention; the shape `truce extract` prints). REGEN=1 rewrites the outputs;
 * review the diff before committing. Each input isolates one phenomenon of issue 5 (see the
 * file names); cases.json gives each report's publication date.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { incidentSchema } from '../../src/domain/incident.js';
import { extractIncidentsFromText, extractReport } from '../../src/pipeline/extract/index.js';

const dir = new URL('./', import.meta.url).pathname;
const cases = JSON.parse(readFileSync(`${dir}cases.json`, 'utf8')) as Record<string, { published: string; source?: string }>;
const inputs = readdirSync(`${dir}in`).filter((f) => f.endsWith('.txt')).sort();

function run(name: string) {
  const text = readFileSync(`${dir}in/${name}`, 'utf8');
  const r = extractReport(text, { ...cases[name], file: `in/${name}` });
  const lines = [
    ...(r.mentions ?? []).map((m) => ({ report: `in/${name}`, ...m, kind: 'mention', entity: m.kind })),
    ...r.incidents,
    ...r.claims,
  ];
  return { text, r, lines };
}

describe('extraction golden files', () => {
  it('has a case entry for every input', () => {
    expect(inputs.filter((f) => !cases[f])).toEqual([]);
  });
  for (const name of inputs) {
    it(name, () => {
      const { text, r, lines } = run(name);
      // every evidence span quotes the report exactly
      for (const l of lines) {
        const ev = (l as { evidence?: Record<string, Array<{ start: number; end: number; text: string }>> }).evidence ?? {};
        for (const spans of Object.values(ev)) for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
      }
      const got = `${lines.map((l) => JSON.stringify(l)).join('\n')}\n${JSON.stringify({ warnings: r.warnings, skipped: r.skipped, not_attempted: r.not_attempted })}\n`;
      const outFile = `${dir}out/${name.replace(/\.txt$/, '.jsonl')}`;
      if (process.env.REGEN === '1') writeFileSync(outFile, got);
      expect(got).toBe(readFileSync(outFile, 'utf8'));
    });
  }

  it('writes incidents in the formats.md §4 shape (the store ingests them as they are)', () => {
    for (const name of inputs) {
      const text = readFileSync(`${dir}in/${name}`, 'utf8');
      for (const inc of extractIncidentsFromText(text, { ...cases[name], file: name }).incidents) {
        const r = incidentSchema.safeParse(inc);
        expect(r.success, `${name} ${inc.id}: ${r.error?.message}`).toBe(true);
      }
    }
  });

  it('takes no incident or claim from comments, related stories, donation appeals or navigation', () => {
    const { text, r } = run('page-furniture.txt');
    const furniture = text.indexOf('Related stories');
    expect(r.incidents.length).toBe(1);
    for (const x of [...r.incidents, ...r.claims]) {
      for (const spans of Object.values(x.evidence)) for (const s of spans ?? []) expect(s.start).toBeLessThan(furniture);
    }
  });
});
