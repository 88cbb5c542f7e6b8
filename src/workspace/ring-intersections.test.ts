import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstRingIntersection } from './ring-intersections.js';

const square = [
  [0, 0],
  [4, 0],
  [4, 4],
  [0, 4],
  [0, 0],
];

describe('firstRingIntersection', () => {
  it('accepts simple rings, holes inside, holes touching the shell at a point, repeated vertices', () => {
    expect(firstRingIntersection([square])).toBeUndefined();
    const hole = [
      [1, 1],
      [1, 2],
      [2, 2],
      [2, 1],
      [1, 1],
    ];
    expect(firstRingIntersection([square, hole])).toBeUndefined();
    const touching = [
      [0, 2],
      [1, 3],
      [1, 1],
      [0, 2],
    ];
    expect(firstRingIntersection([square, touching])).toBeUndefined();
    const repeated = [
      [0, 0],
      [4, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    expect(firstRingIntersection([repeated])).toBeUndefined();
  });

  it('finds a bow tie, a ring touching itself, and a hole crossing the shell', () => {
    const bowtie = [
      [0, 0],
      [4, 4],
      [4, 0],
      [0, 4],
      [0, 0],
    ];
    expect(firstRingIntersection([bowtie])).toEqual({ ring: 0, otherRing: 0, at: [2, 2] });
    // a vertex placed on a non-neighbouring edge
    const pinched = [
      [0, 0],
      [4, 0],
      [2, 0],
      [2, 4],
      [0, 4],
      [0, 0],
    ];
    expect(firstRingIntersection([pinched])?.ring).toBe(0);
    const crossing = [
      [3, 1],
      [5, 1],
      [5, 2],
      [3, 2],
      [3, 1],
    ];
    expect(firstRingIntersection([square, crossing])).toMatchObject({ ring: 0, otherRing: 1 });
  });

  it('agrees with testing every pair of edges (the R-tree only prunes)', () => {
    // brute force with the same rules, for random small rings on a coarse grid (many collinear cases)
    const brute = (ring: number[][]): boolean => {
      const n = ring.length - 1;
      const o = (a: number[], b: number[], c: number[]) =>
        Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
      const on = (a: number[], b: number[], p: number[]) =>
        Math.min(a[0], b[0]) <= p[0] &&
        p[0] <= Math.max(a[0], b[0]) &&
        Math.min(a[1], b[1]) <= p[1] &&
        p[1] <= Math.max(a[1], b[1]);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          if (j === i + 1 || (i === 0 && j === n - 1)) continue;
          const [a, b, c, d] = [ring[i], ring[i + 1], ring[j], ring[j + 1]];
          const [o1, o2, o3, o4] = [o(a, b, c), o(a, b, d), o(c, d, a), o(c, d, b)];
          if (o1 * o2 < 0 && o3 * o4 < 0) return true;
          if (
            (o1 === 0 && on(a, b, c)) ||
            (o2 === 0 && on(a, b, d)) ||
            (o3 === 0 && on(c, d, a)) ||
            (o4 === 0 && on(c, d, b))
          )
            return true;
        }
      }
      return false;
    };
    const point = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }));
    fc.assert(
      fc.property(fc.array(point, { minLength: 3, maxLength: 9 }), (pts) => {
        // no repeated consecutive positions (those are dropped before testing), closed ring
        const open = pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1][0] || p[1] !== pts[i - 1][1]);
        if (open.length > 1 && open[0][0] === open[open.length - 1][0] && open[0][1] === open[open.length - 1][1])
          open.pop();
        fc.pre(open.length >= 3);
        const ring = [...open, open[0]];
        expect(firstRingIntersection([ring]) !== undefined).toBe(brute(ring));
      }),
      { numRuns: 2000 },
    );
  });
});
