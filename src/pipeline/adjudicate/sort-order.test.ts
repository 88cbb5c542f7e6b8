import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedOrder } from './sort-order.js';

/** The reference: a comparator sort by key, then id, then line. */
function reference(keys: Float64Array, ids: string[], line: Int32Array): number[] {
  const order = Array.from(keys, (_, i) => i);
  return order.sort(
    (x, y) => keys[x] - keys[y] || (ids[x] < ids[y] ? -1 : ids[x] > ids[y] ? 1 : 0) || line[x] - line[y],
  );
}

describe('sortedOrder', () => {
  it('equals a comparator sort by key, id, line (radix passes, ties, spans up to 2^51, fractions)', () => {
    const span = fc.constantFrom(1, 5, 8191, 8192, 2 ** 26 + 3, 1.6e11, 2 ** 51);
    fc.assert(
      fc.property(
        span,
        fc.array(fc.record({ k: fc.double({ min: 0, max: 1, noNaN: true }), id: fc.integer({ min: 0, max: 9 }) }), {
          minLength: 0,
          maxLength: 300,
        }),
        fc.boolean(),
        (s, rows, fraction) => {
          const n = rows.length;
          const keys = Float64Array.from(rows, (r) => 1.4e12 - 7 + Math.floor(r.k * s) + (fraction ? r.k : 0));
          const ids = rows.map((r) => `i${r.id}`);
          const line = Int32Array.from(rows, (_, i) => n - i);
          expect(Array.from(sortedOrder(keys, n, ids, line))).toEqual(reference(keys, ids, line));
        },
      ),
      { numRuns: 200 },
    );
  });
});
