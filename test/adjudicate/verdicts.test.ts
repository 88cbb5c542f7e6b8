/**
 * The verdict table of formats.md §5 on fixture workspaces: one folder per verdict, one case per
 * row or edge (partial dates, time zones, precision circles, admin units, width ranges,
 * coalitions, renamed actors, affiliates, parties joining and leaving, amendments, phases, strike
 * zones). Each incident states the verdict it expects; the complete output is a golden file.
 */
import { describe, expect, it } from 'vitest';
import {
  adjudicatorOf,
  type Case,
  casesIn,
  checkExpectations,
  columnsOf,
  golden,
  incidentLines,
  jsonLines,
} from './fixture-harness.js';

const FOLDERS = ['violation', 'permitted', 'undetermined', 'not_applicable'] as const;

for (const folder of FOLDERS) {
  describe(folder, () => {
    const cases = casesIn(folder);
    it('has cases', () => expect(cases.length).toBeGreaterThan(0));
    for (const c of cases) {
      it(`${c.name}: ${c.about}`, async () => {
        await runCase(c, folder);
      });
    }
  });
}

async function runCase(c: Case, folder: string): Promise<void> {
  const adj = await adjudicatorOf(c.workspace);
  const lines = incidentLines(c.dir);
  const findings = adj.adjudicate(columnsOf(adj, lines), { all: true });
  const checks = checkExpectations(lines, findings);
  expect(checks).toBeGreaterThan(0);
  // the folder's verdict occurs among the expectations of its cases
  expect(findings.some((f) => f.verdict === folder)).toBe(true);
  // every finding explains itself
  for (const f of findings) expect(f.reasons.length, `${f.incident} x ${f.agreement}`).toBeGreaterThan(0);
  golden(c.dir, 'expected.jsonl', jsonLines(findings));
}
