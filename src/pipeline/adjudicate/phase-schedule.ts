/**
 * Pass 1 of the adjudicator: the completion instant of every phase (formats.md §3). A phase
 * completes at the first instant T that follows N quiet days; violations are counted at their
 * instant, or at the end of their interval ("the last instant of its interval"), in that order.
 *
 * Only hostile incidents by an actor some workspace file names can restart a count, so those are
 * listed once per time zone, sorted by when they count, with the keys alongside (the loop reads
 * them sequentially instead of chasing incident indices through a million-row column in time
 * order). An incident is judged only when it could be a violation of the agreement: attributed
 * to a quiet party, and (for a point) a candidate of one of the agreement's scope zones (ScopeIndex).
 * Once every phase has completed before the current key, no later violation can move one: stop.
 */
import { DAY_MS } from '../../domain/time.js';
import type { CompiledAgreement } from './compiled-agreement.js';
import { type IncidentColumns, PLACE_POINT } from './incident-columns.js';
import type { Judge } from './judge.js';
import type { PartyResolver } from './party-resolver.js';
import type { ScopeIndex } from './scope-index.js';
import { sortedOrder } from './sort-order.js';
import { newOutcome, VIOLATION } from './verdict.js';

export interface ScheduleContext {
  agreements: readonly CompiledAgreement[];
  parties: PartyResolver;
  judge: Judge;
  scope: ScopeIndex;
  /** per "agreement/phase": the incidents whose violation restarted the quiet days (written here) */
  phaseResets: Map<string, number[]>;
}

/** Incidents that can restart a count, in the order they count in one time zone. */
interface Counted {
  index: Uint32Array;
  key: Float64Array;
  /** the class of `by` and the interval start, read in the same order */
  cls: Int32Array;
  start: Float64Array;
}

function counted(cols: IncidentColumns, z: number, parties: PartyResolver): Counted {
  const picked: number[] = [];
  for (let i = 0; i < cols.count; i++) {
    if (cols.hostile[cols.type[i]] && cols.by[i] >= 0 && parties.classOf(cols.by[i]) >= 0) picked.push(i);
  }
  const m = picked.length;
  const keys = new Float64Array(m);
  const ids: string[] = new Array(m);
  const lines = new Int32Array(m);
  const end = cols.end[z];
  for (let k = 0; k < m; k++) {
    const i = picked[k];
    keys[k] = end[i];
    ids[k] = cols.ids[i];
    lines[k] = cols.line[i];
  }
  // (key, id, line) is a total order, so this is the full order restricted to the picked incidents
  const order = sortedOrder(keys, m, ids, lines);
  const index = new Uint32Array(m);
  const key = new Float64Array(m);
  const cls = new Int32Array(m);
  const start = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = picked[order[k]];
    index[k] = i;
    key[k] = keys[order[k]];
    cls[k] = parties.classOf(cols.by[i]);
    start[k] = cols.start[z][i];
  }
  return { index, key, cls, start };
}

export function schedulePhases(ctx: ScheduleContext, cols: IncidentColumns, cutoff = Infinity): void {
  const { agreements, parties, judge, scope, phaseResets } = ctx;
  const out = newOutcome();
  phaseResets.clear();
  const lists = new Map<number, Counted>();
  for (let j = 0; j < agreements.length; j++) {
    const a = agreements[j];
    if (a.phases.length === 0) continue;
    const z = a.tzIndex;
    let list = lists.get(z);
    if (!list) {
      list = counted(cols, z, parties);
      lists.set(z, list);
    }
    const { index, key } = list;
    const quiet = a.phases.map((p) => p.quiet.map((id) => parties.classOfId(id)));
    // memberships are constant within a segment of the agreement
    const attribution = new Map<number, boolean>();
    const resets: number[][] = [];
    for (let p = 0; p < a.phases.length; p++) {
      a.phaseAt[p] = a.from + a.phases[p].days * DAY_MS;
      resets.push([]);
      phaseResets.set(`${a.id}/${a.phases[p].id}`, resets[p]);
    }
    // only incidents counted inside the time in force can be violations of it
    let lo = 0;
    let hi = key.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (key[mid] <= a.from) lo = mid + 1;
      else hi = mid;
    }
    const stop = Math.min(cutoff, a.until === Infinity ? Infinity : a.until + 1);
    for (let o = lo; o < key.length; o++) {
      const v = key[o];
      if (v >= stop) break;
      // only violations that could still move a candidate matter
      let relevant = false;
      let open = false;
      for (let p = 0; p < a.phases.length; p++) {
        const at = a.phaseAt[p];
        if (v < at) {
          open = true;
          if (v > at - a.phases[p].days * DAY_MS) relevant = true;
        }
      }
      if (!open) break;
      if (!relevant) continue;
      const cls = list.cls[o];
      // attributed to a quiet party (itself or a member at the time)? decided before judging
      const s = list.start[o];
      const seg = a.segmentAt(s);
      let attributable = 0;
      for (let p = 0; p < a.phases.length; p++) {
        const memoKey = (p * parties.classCount + cls) * (a.breaks.length + 1) + seg;
        let yes = attribution.get(memoKey);
        if (yes === undefined) {
          yes = quiet[p].some((q) => q >= 0 && (q === cls || parties.membershipPath(cls, q, s, a.tz) !== null));
          attribution.set(memoKey, yes);
        }
        if (yes) attributable |= 1 << p;
      }
      if (attributable === 0) continue;
      const i = index[o];
      // a violation needs the incident inside a scope zone, which needs that zone as a candidate
      if (cols.place[i] === PLACE_POINT && !scope.mayMeet(j, cols.lon[i], cols.lat[i], cols.radius[i])) continue;
      judge.focus(cols, i);
      judge.judge(a, i, out, null);
      if (out.verdict !== VIOLATION) continue;
      for (let p = 0; p < a.phases.length; p++) {
        const n = a.phases[p].days * DAY_MS;
        if (!(v < a.phaseAt[p] && v > a.phaseAt[p] - n)) continue;
        if (attributable & (1 << p)) {
          a.phaseAt[p] = v + n;
          resets[p].push(i);
        }
      }
    }
    // beyond the cutoff the candidate is only a projection (no later violation is known)
    for (let p = 0; p < a.phases.length; p++) if (a.phaseAt[p] >= a.until) a.phaseAt[p] = Infinity;
  }
}
