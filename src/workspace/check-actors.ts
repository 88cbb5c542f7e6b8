/**
 * actors.yaml beyond its schema: duplicate ids, references to actors that do not exist, intervals
 * that end before they start, the same membership twice over overlapping time, and cycles in
 * `member_of`, `affiliate_of` or `succeeded_by` (which would make "who is bound" loop forever).
 */
import { type Actor, actorSchema, CIVILIANS } from '../domain/actor.js';
import { isTimeString, parseBoundary, parseTime, TimeParseError } from '../domain/time.js';
import { didYouMean } from './did-you-mean.js';
import { dataAt } from './schema-walk.js';
import type { PathSeg, SourceFile } from './source-file.js';
import { validateAt } from './zod-problems.js';

/** Every actor id the file declares (even in entries with other problems), to avoid cascades. */
export function declaredActorIds(data: unknown): Set<string> {
  const ids = new Set<string>([CIVILIANS]);
  if (Array.isArray(data))
    for (const a of data) if (a && typeof a === 'object' && typeof a.id === 'string') ids.add(a.id);
  return ids;
}

export function checkActors(src: SourceFile, data: unknown): Actor[] {
  if (data === undefined || data === null) return [];
  if (!Array.isArray(data)) {
    src.add([], 'invalid-type', 'actors.yaml must be a list of actors');
    return [];
  }
  const ids = declaredActorIds(data);
  const seen = new Map<string, number>();
  const actors: Actor[] = [];
  data.forEach((raw, i) => {
    const actor = validateAt(src, actorSchema, raw, [i]);
    if (actor) actors.push(actor);
    const id = dataAt(raw, ['id']);
    if (typeof id === 'string') {
      const prev = seen.get(id);
      if (prev !== undefined) {
        src.add([i, 'id'], 'duplicate-id', `actor \`${id}\` is already defined at line ${src.locate([prev]).line}`);
      } else seen.set(id, i);
    }
    checkActorRefs(src, raw, i, ids);
    checkIntervals(src, raw, i);
  });
  checkCycles(src, data);
  return actors;
}

function ref(src: SourceFile, value: unknown, path: PathSeg[], ids: Set<string>): void {
  if (typeof value === 'string' && !ids.has(value)) {
    src.add(path, 'unknown-actor', `unknown actor \`${value}\`${didYouMean(value, ids)}`);
  }
}

function checkActorRefs(src: SourceFile, raw: unknown, i: number, ids: Set<string>): void {
  const members = dataAt(raw, ['member_of']);
  if (Array.isArray(members))
    members.forEach((m, j) => {
      ref(src, dataAt(m, ['id']), [i, 'member_of', j, 'id'], ids);
    });
  const affiliates = dataAt(raw, ['affiliate_of']);
  if (Array.isArray(affiliates))
    affiliates.forEach((a, j) => {
      ref(src, a, [i, 'affiliate_of', j], ids);
    });
  ref(src, dataAt(raw, ['succeeded_by', 'id']), [i, 'succeeded_by', 'id'], ids);
}

/** [from, until) in ms; unbounded ends are infinite. Undefined when a bound does not parse. */
export function boundsOf(from: unknown, until: unknown, tz: string): [number, number] | undefined {
  try {
    const a = from === undefined ? Number.NEGATIVE_INFINITY : parseBoundary(from as string, tz);
    const b = until === undefined ? Number.POSITIVE_INFINITY : parseBoundary(until as string, tz);
    return [a, b];
  } catch {
    return undefined;
  }
}

/**
 * Report `until` <= `from` for the object at `path`, and bounds that look like times but are not
 * on the calendar (2018-02-30), which the schema's pattern cannot see. Returns the bounds.
 */
export function checkUntilAfterFrom(
  src: SourceFile,
  obj: unknown,
  path: PathSeg[],
  tz: string,
): [number, number] | undefined {
  const from = dataAt(obj, ['from']);
  const until = dataAt(obj, ['until']);
  for (const [key, v] of [
    ['from', from],
    ['until', until],
  ] as const) {
    if (typeof v !== 'string' || !isTimeString(v)) continue;
    try {
      parseTime(v, tz);
    } catch (err) {
      if (err instanceof TimeParseError) src.add([...path, key], 'invalid-value', err.message);
    }
  }
  const b = boundsOf(from, until, tz);
  if (b && from !== undefined && until !== undefined && b[1] <= b[0]) {
    src.add([...path, 'until'], 'until-before-from', `until ${String(until)} is not after from ${String(from)}`);
  }
  return b;
}

function checkIntervals(src: SourceFile, raw: unknown, i: number): void {
  // actors.yaml has no time zone: dates are compared as UTC days, which preserves their order
  const members = dataAt(raw, ['member_of']);
  if (Array.isArray(members)) {
    const spans: { id: string; b: [number, number]; j: number }[] = [];
    members.forEach((m, j) => {
      const b = checkUntilAfterFrom(src, m, [i, 'member_of', j], 'UTC');
      const id = dataAt(m, ['id']);
      if (b && b[0] < b[1] && typeof id === 'string') {
        const clash = spans.find((s) => s.id === id && s.b[0] < b[1] && b[0] < s.b[1]);
        if (clash) {
          src.add(
            [i, 'member_of', j],
            'overlapping-membership',
            `membership of \`${id}\` overlaps member_of[${clash.j}] (line ${src.locate([i, 'member_of', clash.j]).line})`,
          );
        }
        spans.push({ id, b, j });
      }
    });
  }
  const active = dataAt(raw, ['active']);
  if (active) checkUntilAfterFrom(src, active, [i, 'active'], 'UTC');
}

type Edge = { to: string; path: PathSeg[] };

/**
 * Cycles, per relation, via Tarjan's strongly connected components
 * (Tarjan 1972, "Depth-first search and linear graph algorithms", SIAM J. Comput. 1(2)).
 * One problem per cycle, at the first edge of the cycle in file order.
 */
function checkCycles(src: SourceFile, data: unknown[]): void {
  const relations: [string, (a: unknown, i: number) => Edge[]][] = [
    [
      'member_of',
      (a, i) => {
        const m = dataAt(a, ['member_of']);
        return Array.isArray(m)
          ? m.flatMap((e, j) =>
              typeof dataAt(e, ['id']) === 'string'
                ? [{ to: dataAt(e, ['id']) as string, path: [i, 'member_of', j, 'id'] }]
                : [],
            )
          : [];
      },
    ],
    [
      'affiliate_of',
      (a, i) => {
        const m = dataAt(a, ['affiliate_of']);
        return Array.isArray(m)
          ? m.flatMap((e, j) => (typeof e === 'string' ? [{ to: e, path: [i, 'affiliate_of', j] }] : []))
          : [];
      },
    ],
    [
      'succeeded_by',
      (a, i) => {
        const to = dataAt(a, ['succeeded_by', 'id']);
        return typeof to === 'string' ? [{ to, path: [i, 'succeeded_by', 'id'] }] : [];
      },
    ],
  ];
  for (const [name, edgesOf] of relations) {
    const graph = new Map<string, Edge[]>();
    data.forEach((a, i) => {
      const id = dataAt(a, ['id']);
      if (typeof id === 'string' && !graph.has(id)) graph.set(id, edgesOf(a, i));
    });
    for (const scc of stronglyConnected(graph)) {
      const cyclic = scc.length > 1 || (graph.get(scc[0]) ?? []).some((e) => e.to === scc[0]);
      if (!cyclic) continue;
      const inScc = new Set(scc);
      const start = [...graph.keys()].find((k) => inScc.has(k))!;
      const loop = findLoop(graph, start, inScc);
      const first = (graph.get(start) ?? []).find((e) => e.to === loop[1])!;
      src.add(first.path, 'cycle', `${name} forms a cycle: ${loop.join(' -> ')}`);
    }
  }
}

function stronglyConnected(graph: Map<string, Edge[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  // iterative DFS to stay safe on long chains
  for (const root of graph.keys()) {
    if (idx.has(root)) continue;
    const work: { v: string; i: number }[] = [{ v: root, i: 0 }];
    idx.set(root, index);
    low.set(root, index++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = graph.get(frame.v) ?? [];
      if (frame.i < edges.length) {
        const w = edges[frame.i++].to;
        if (!graph.has(w)) continue;
        if (!idx.has(w)) {
          idx.set(w, index);
          low.set(w, index++);
          stack.push(w);
          onStack.add(w);
          work.push({ v: w, i: 0 });
        } else if (onStack.has(w)) low.set(frame.v, Math.min(low.get(frame.v)!, idx.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].v;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.v)!));
      }
      if (low.get(frame.v) === idx.get(frame.v)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== frame.v);
        out.push(comp);
      }
    }
  }
  return out;
}

/** A shortest path start -> ... -> start inside the component (breadth-first). */
function findLoop(graph: Map<string, Edge[]>, start: string, scc: Set<string>): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const { to } of graph.get(v) ?? []) {
      if (!scc.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let u: string | undefined = v; u !== undefined && u !== start; u = prev.get(u)) path.splice(1, 0, u);
        return [...path, start];
      }
      if (!prev.has(to)) {
        prev.set(to, v);
        queue.push(to);
      }
    }
  }
  return [start, start];
}
