/**
 * Obligations of the built-in agreements (withdrawals, patrols, road reopening, the JIC phase)
 * judged on observations taken from the sources (test/syria/obligations/incidents.jsonl, each with
 * a `note`), against the status expected at a given date (expected.jsonl).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBoundary } from '../../src/domain/index.js';
import type { Adjudicator } from '../../src/pipeline/adjudicate/index.js';
import { computeObligations } from '../../src/pipeline/adjudicate/obligations.js';
import { adjudicatorFor } from '../../src/services/compliance-workspace.js';
import { loadWorkspaceOrThrow } from '../../src/workspace/load-workspace.js';
import { SYRIA_DIR } from './load-syria.js';

interface Expected {
  agreement: string;
  rule: string;
  at: string;
  status: string;
  evidence: string[];
}

const DIR = join(SYRIA_DIR, '..', '..', 'test', 'syria', 'obligations');
const lines = (f: string) =>
  readFileSync(join(DIR, f), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
const expected = lines('expected.jsonl').map((l) => JSON.parse(l) as Expected);

let adjudicator: Adjudicator;
beforeAll(async () => {
  adjudicator = adjudicatorFor(await loadWorkspaceOrThrow(SYRIA_DIR));
});

describe('obligations of the Syrian agreements', () => {
  it.each(expected.map((e) => [`${e.agreement} ${e.rule} at ${e.at}`, e] as const))('%s', (_name, e) => {
    const cols = adjudicator.newColumns();
    lines('incidents.jsonl').forEach((l, i) => {
      expect(cols.addLine(l, i + 1)).toBeNull();
    });
    const all = computeObligations(adjudicator, cols, { at: parseBoundary(e.at, 'Asia/Damascus') });
    const s = all.find((x) => x.agreement === e.agreement && x.rule === e.rule);
    expect(s, `${e.rule} is tracked`).toBeDefined();
    expect({ status: s?.status, evidence: s?.evidence }, s?.reasons.join('; ')).toEqual({
      status: e.status,
      evidence: e.evidence,
    });
  });
});
