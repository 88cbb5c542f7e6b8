/**
 * Where do a polygon's rings cross themselves or each other? A ring must be simple (OGC Simple
 * Features §6.1.11.1): two of its edges may meet only at the vertex they share. Rings of one
 * polygon may touch at a point but not cross.
 *
 * turf's `kinks` tests every pair of edges (O(n²): minutes for a 50,000-vertex boundary). Here
 * the edges' bounding boxes go into a flatbush packed Hilbert R-tree
 * (https://github.com/mourner/flatbush) and only pairs whose boxes overlap are tested exactly,
 * with the orientation predicate (Cormen et al., Introduction to Algorithms, §33.1).
 */
import Flatbush from 'flatbush';

type Pos = number[];

export interface RingIntersection {
  ring: number;
  otherRing: number;
  at: [number, number];
}

function orient(a: Pos, b: Pos, c: Pos): number {
  return Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
}

function within(a: Pos, b: Pos, p: Pos): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/** The point where segments ab and cd meet (a crossing, or with `touch` also a contact), or undefined. */
function meet(a: Pos, b: Pos, c: Pos, d: Pos, touch: boolean): [number, number] | undefined {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    const den = (a[0] - b[0]) * (c[1] - d[1]) - (a[1] - b[1]) * (c[0] - d[0]);
    const t = ((a[0] - c[0]) * (c[1] - d[1]) - (a[1] - c[1]) * (c[0] - d[0])) / den;
    return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  }
  if (!touch) {
    // collinear overlap between rings is a crossing too; a single shared point is not
    if (o1 === 0 && o2 === 0 && o3 === 0 && o4 === 0) {
      const inner = [c, d, a, b].filter((p, i) => (i < 2 ? within(a, b, p) : within(c, d, p)));
      const distinct = new Set(inner.map((p) => `${p[0]},${p[1]}`));
      if (distinct.size >= 2) return [inner[0][0], inner[0][1]];
    }
    return undefined;
  }
  if (o1 === 0 && within(a, b, c)) return [c[0], c[1]];
  if (o2 === 0 && within(a, b, d)) return [d[0], d[1]];
  if (o3 === 0 && within(c, d, a)) return [a[0], a[1]];
  if (o4 === 0 && within(c, d, b)) return [b[0], b[1]];
  return undefined;
}

/** The first intersection found, in edge order, or undefined for a valid polygon. Rings must be closed. */
export function firstRingIntersection(rings: Pos[][]): RingIntersection | undefined {
  // drop repeated consecutive positions: a zero-length edge is not a crossing
  const clean = rings.map((ring) =>
    ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]),
  );
  const edges: { ring: number; i: number; n: number; a: Pos; b: Pos }[] = [];
  clean.forEach((ring, r) => {
    const n = ring.length - 1; // edges in this ring
    for (let i = 0; i < n; i++) edges.push({ ring: r, i, n, a: ring[i], b: ring[i + 1] });
  });
  if (edges.length < 2) return undefined;
  const index = new Flatbush(edges.length);
  for (const { a, b } of edges) {
    index.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
  }
  index.finish();
  for (let e = 0; e < edges.length; e++) {
    const p = edges[e];
    const hits = index.search(
      Math.min(p.a[0], p.b[0]),
      Math.min(p.a[1], p.b[1]),
      Math.max(p.a[0], p.b[0]),
      Math.max(p.a[1], p.b[1]),
    );
    hits.sort((x, y) => x - y);
    for (const f of hits) {
      if (f <= e) continue;
      const q = edges[f];
      const same = p.ring === q.ring;
      // neighbouring edges of a ring share a vertex by construction (the last edge closes onto the first)
      if (same && (q.i === p.i + 1 || (p.i === 0 && q.i === p.n - 1))) continue;
      const at = meet(p.a, p.b, q.a, q.b, same);
      if (at) return { ring: p.ring, otherRing: q.ring, at };
    }
  }
  return undefined;
}
