/**
 * Obligation tracking (formats.md §8) on fixture folders under obligations/: each case lists
 * instants and the status it expects for some rules at each; the complete status table at every
 * instant is a golden file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTime } from '../../src/domain/time.js';
import { computeObligations } from '../../src/pipeline/adjudicate/obligations.js';
import { adjudicatorOf, casesIn, columnsOf, golden, incidentLines } from './fixture-harness.js';

describe('obligations', () => {
  const cases = casesIn('obligations');
  it('has cases', () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    it(`${c.name}: ${c.about}`, async () => {
      const meta = JSON.parse(readFileSync(join(c.dir, 'case.json'), 'utf8')) as {
        expect: Record<string, Record<string, string>>;
      };
      const adj = await adjudicatorOf(c.workspace);
      const cols = columnsOf(adj, incidentLines(c.dir));
      const all: Record<string, unknown> = {};
      for (const [instant, want] of Object.entries(meta.expect)) {
        const rows = computeObligations(adj, cols, { at: parseTime(instant, 'UTC').start });
        for (const [rule, status] of Object.entries(want)) {
          const row = rows.find((r) => r.rule === rule);
          expect(row?.status, `${rule} at ${instant}: ${JSON.stringify(row)}`).toBe(status);
        }
        all[instant] = rows;
      }
      golden(c.dir, 'expected.json', `${JSON.stringify(all, null, 2)}\n`);
    });
  }
});
