import Flatbush from 'flatbush';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZoneGrid } from './zone-grid.js';

describe('ZoneGrid', () => {
  it('answers exactly the boxes flatbush answers, in ascending order', () => {
    const box = fc
      .tuple(
        fc.double({ min: 35, max: 43, noNaN: true }),
        fc.double({ min: 32, max: 38, noNaN: true }),
        fc.double({ min: 0, max: 6, noNaN: true }),
        fc.double({ min: 0, max: 6, noNaN: true }),
      )
      .map(([x, y, w, h]) => [x, y, x + w * w * 0.1, y + h * h * 0.1] as const);
    fc.assert(
      fc.property(
        fc.array(box, { minLength: 1, maxLength: 80 }),
        fc.array(box, { minLength: 1, maxLength: 20 }),
        (zones, queries) => {
          const boxes = new Float64Array(zones.flat());
          const grid = new ZoneGrid(boxes);
          const index = new Flatbush(zones.length);
          for (const z of zones) index.add(z[0], z[1], z[2], z[3]);
          index.finish();
          const out = new Int32Array(zones.length);
          for (const [a, b, c, d] of [...queries, ...queries.map((q) => [q[0], q[1], q[0], q[1]] as const)]) {
            const n = grid.query(a, b, c, d, out);
            expect(Array.from(out.subarray(0, n))).toEqual(index.search(a, b, c, d).sort((x, y) => x - y));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
