/**
 * Each built-in agreement judged on incidents taken from what the sources say happened
 * (test/syria/<agreement-id>/incidents.jsonl, each with a `note` naming its source), against the
 * verdicts expected from the agreement's terms and formats.md §5 (expected.jsonl). Party and
 * answerable guarantor are compared for violations, where formats.md defines them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { incidentSchema } from '../../src/domain/index.js';
import type { Adjudicator } from '../../src/pipeline/adjudicate/index.js';
import { adjudicatorFor } from '../../src/services/compliance-workspace.js';
import { loadWorkspaceOrThrow } from '../../src/workspace/load-workspace.js';
import { SYRIA_DIR } from './load-syria.js';

interface Expected {
  incident: string;
  agreement: string;
  verdict: string;
  party: string | null;
  answerable: string | null;
}

const HERE = join(SYRIA_DIR, '..', '..', 'test', 'syria');
const jsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

const cases = readdirSync(HERE, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(HERE, d.name, 'expected.jsonl')))
  .filter((d) => d.name !== 'obligations') // obligations.test.ts reads that one
  .map((d) => d.name)
  .sort();

let adjudicator: Adjudicator;
beforeAll(async () => {
  adjudicator = adjudicatorFor(await loadWorkspaceOrThrow(SYRIA_DIR));
});

describe('agreement fixtures', () => {
  it('cover every built-in agreement', () => {
    const agreements = readdirSync(join(SYRIA_DIR, 'agreements')).map((f) => f.replace(/\.yaml$/, ''));
    expect(cases).toEqual(agreements.sort());
  });

  describe.each(cases)('%s', (agreement) => {
    const incidents = jsonl<Record<string, unknown>>(join(HERE, agreement, 'incidents.jsonl'));
    const expected = jsonl<Expected>(join(HERE, agreement, 'expected.jsonl'));

    it('has a sourced incident for every expectation, and the reverse', () => {
      expect(expected.map((e) => e.incident)).toEqual(incidents.map((i) => i.id));
      for (const i of incidents) {
        expect(incidentSchema.safeParse(i).success, String(i.id)).toBe(true);
        expect(String(i.note ?? '').length, `${i.id} needs a note naming its source`).toBeGreaterThan(30);
      }
      expect(new Set(expected.map((e) => e.verdict)).size).toBeGreaterThanOrEqual(3);
    });

    it.each(expected.map((e) => [e.incident, e] as const))('%s', (_id, e) => {
      const findings = adjudicator.adjudicate(
        incidents.map((i) => incidentSchema.parse(i)),
        { all: true },
      );
      const f = findings.find((x) => x.incident === e.incident && x.agreement === e.agreement);
      expect(f, `no finding for ${e.incident}`).toBeDefined();
      const got = { verdict: f?.verdict, party: f?.party ?? null, answerable: f?.answerable ?? null };
      const want = { verdict: e.verdict, party: e.party, answerable: e.answerable };
      if (e.verdict !== 'violation') {
        got.party = null;
        got.answerable = null;
      }
      expect(got, f?.reasons.join('; ')).toEqual(want);
    });
  });
});
