/**
 * Compliance series (formats.md §9) on fixture folders under compliance/: the series a case asks
 * for are golden files; the case's `expect` pins a few cells by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { complianceSeries, type Grouping, type Period } from '../../src/pipeline/adjudicate/compliance-series.js';
import { adjudicatorOf, casesIn, columnsOf, golden, incidentLines } from './fixture-harness.js';

interface Meta {
  series: { by: Period; group: Grouping }[];
  expect: { by: Period; group: Grouping; period: string; group_value: string; [k: string]: string | number }[];
}

describe('compliance series', () => {
  const cases = casesIn('compliance');
  it('has cases', () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    it(`${c.name}: ${c.about}`, async () => {
      const meta = JSON.parse(readFileSync(join(c.dir, 'case.json'), 'utf8')) as Meta;
      const adj = await adjudicatorOf(c.workspace);
      const rows = adj.complianceRows(columnsOf(adj, incidentLines(c.dir)));
      const tz = adj.agreements[0].tz;
      const all: Record<string, unknown> = {};
      for (const s of meta.series) all[`${s.by}/${s.group}`] = complianceSeries(rows, { ...s, tz });
      for (const e of meta.expect) {
        const series = complianceSeries(rows, { by: e.by, group: e.group, tz });
        const cell = series.find((r) => r.period === e.period && r.group === e.group_value);
        expect(cell, `${e.period} ${e.group_value}`).toBeDefined();
        for (const [k, v] of Object.entries(e)) {
          if (['violations', 'undetermined', 'permitted', 'fatalities'].includes(k))
            expect(cell![k as 'violations'], k).toBe(v);
          if (k.startsWith('delta_')) expect(cell!.delta[k.slice(6) as 'violations'], k).toBe(v);
        }
      }
      golden(c.dir, 'expected.json', `${JSON.stringify(all, null, 2)}\n`);
    });
  }
});
