/**
 * The adjudication benchmark's output, pinned: the seeded synthetic workspace of
 * bench/adjudicate.lib.ts (50 agreements, 1,000 zones, phases, amendments, partial dates, precision
 * circles, governorates) adjudicated and written as JSON lines, hashed. Performance work on the hot
 * loop (bench/adjudicate.ts) must not change a single byte of any finding, nor any verdict count;
 * this test is how that is proven. The digests were taken before the CPU work of issue 3 (BENCHMARKS.md,
 * adjudicate); the same pins at 100k and 1M are recorded there.
 *
 * If a deliberate change of semantics or of the reasons' wording changes the output, re-pin with the
 * digest printed by the failing assertion, and say why in the commit.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { incidentLines, makeActors, makeAgreements, makeZones, mulberry32 } from '../../bench/adjudicate.lib.js';
import { builtinGeometry } from '../../src/pipeline/adjudicate/builtin-geometry.js';
import { createAdjudicator, findingJson } from '../../src/pipeline/adjudicate/index.js';

function digest(n: number, all: boolean): { findings: number; verdicts: number[]; sha256: string } {
  const zones = makeZones(mulberry32(1));
  const agreements = makeAgreements(mulberry32(2), zones);
  const adj = createAdjudicator({ actors: makeActors(), agreements }, { geometry: builtinGeometry() });
  const cols = adj.newColumns();
  let line = 0;
  for (const l of incidentLines(mulberry32(3), n)) {
    const problem = cols.addLine(l, ++line);
    if (problem) throw new Error(`line ${line}: ${problem}`);
  }
  const h = createHash('sha256');
  let findings = 0;
  const stats = adj.forEachFinding(
    cols,
    (f) => {
      findings++;
      h.update(`${findingJson(f)}\n`);
    },
    { all },
  );
  expect(stats.evaluations).toBe(n * 50);
  return { findings, verdicts: stats.verdicts, sha256: h.digest('hex') };
}

describe('adjudication benchmark output (pinned)', () => {
  it('10k incidents: 5,316 findings, byte for byte', () => {
    expect(digest(10_000, false)).toEqual({
      findings: 5316,
      verdicts: [2756, 84, 2476, 494684],
      sha256: 'bc52428c86ab9ef0798203c92a4aa08c46554c82ddb344742f0b9ff14137a479',
    });
  });

  it('2k incidents with not_applicable findings too (all: true), byte for byte', () => {
    expect(digest(2_000, true)).toEqual({
      findings: 100_000,
      verdicts: [534, 17, 471, 98978],
      sha256: '7d641212139d4ebcc6b6e72588a8eebc90339fc546a266339c918f972f90ff74',
    });
  });
});
