/**
 * Who an actor is at a given time (formats.md §2, §5): predecessor and successor names
 * (`succeeded_by`) count as the same actor; coalition membership (`member_of`, optionally
 * time-bounded) and affiliation (`affiliate_of`) come from the actor registry. Names and
 * memberships are resolved at the incident's time.
 *
 * Actors are integer-coded for the adjudicator's hot loop: every id named in actors.yaml or in an
 * agreement gets a code and an identity class (the ids linked by succession share one class).
 * Ids first seen in incidents get codes later and belong to no class: nothing lists them.
 */
import { type Actor, CIVILIANS } from '../../domain/actor.js';
import { boundaryAt as parseBoundary } from './time-cache.js';

type TimeValue = string | Date;

export interface MembershipSpan {
  /** the coalition's class */
  coalition: number;
  /** the coalition id as written */
  coalitionId: string;
  from?: TimeValue;
  until?: TimeValue;
  /** the member's id as written (one of the names of its class) */
  memberId: string;
}

export class PartyResolver {
  /** id -> code; code 0 is `civilians` */
  private readonly codes = new Map<string, number>();
  readonly ids: string[] = [];
  /** class of each code that existed when the resolver was built; -1 for later codes */
  private readonly classOfCode: number[] = [];
  /** the ids of each class */
  readonly classMembers: string[][] = [];
  private readonly actors = new Map<string, Actor>();
  private readonly predecessors = new Map<string, string[]>();
  private readonly memberships: MembershipSpan[][] = [];
  private readonly affiliations: { target: number; targetId: string; memberId: string }[][] = [];
  readonly classCount: number;

  /** `extraIds`: ids named in agreements that may have no actors.yaml entry */
  constructor(actors: readonly Actor[], extraIds: Iterable<string> = []) {
    this.code(CIVILIANS);
    for (const a of actors) {
      this.actors.set(a.id, a);
      this.code(a.id);
      if (a.succeeded_by) this.code(a.succeeded_by.id);
      for (const m of a.member_of ?? []) this.code(m.id);
      for (const f of a.affiliate_of ?? []) this.code(f);
    }
    for (const id of extraIds) this.code(id);
    // union-find over succession links
    const parent = this.ids.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    };
    for (const a of actors) {
      if (!a.succeeded_by) continue;
      parent[find(this.code(a.id))] = find(this.code(a.succeeded_by.id));
      const preds = this.predecessors.get(a.succeeded_by.id) ?? [];
      preds.push(a.id);
      this.predecessors.set(a.succeeded_by.id, preds);
    }
    const classOfRoot = new Map<number, number>();
    for (let c = 0; c < this.ids.length; c++) {
      const root = find(c);
      let k = classOfRoot.get(root);
      if (k === undefined) {
        k = this.classMembers.length;
        classOfRoot.set(root, k);
        this.classMembers.push([]);
        this.memberships.push([]);
        this.affiliations.push([]);
      }
      this.classOfCode[c] = k;
      this.classMembers[k].push(this.ids[c]);
    }
    this.classCount = this.classMembers.length;
    for (const a of actors) {
      const k = this.classOf(this.code(a.id));
      for (const m of a.member_of ?? []) {
        this.memberships[k].push({
          coalition: this.classOf(this.code(m.id)),
          coalitionId: m.id,
          from: m.from,
          until: m.until,
          memberId: a.id,
        });
      }
      for (const f of a.affiliate_of ?? []) {
        this.affiliations[k].push({ target: this.classOf(this.code(f)), targetId: f, memberId: a.id });
      }
    }
  }

  /** The code of an id, assigning a new one for an id never seen. */
  code(id: string): number {
    let c = this.codes.get(id);
    if (c === undefined) {
      c = this.ids.length;
      this.codes.set(id, c);
      this.ids.push(id);
    }
    return c;
  }

  /** The identity class of a code, or -1 when no workspace file names the actor. */
  classOf(code: number): number {
    return code < this.classOfCode.length ? this.classOfCode[code] : -1;
  }

  classOfId(id: string): number {
    const c = this.codes.get(id);
    return c === undefined ? -1 : this.classOf(c);
  }

  actor(id: string): Actor | undefined {
    return this.actors.get(id);
  }

  /**
   * True for a descriptor that means "perpetrator not known" (`descriptor: true` and an id starting
   * with `unknown-`, the registry's convention, data/syria/actors.yaml). Other descriptors stand for
   * the actor they are `member_of` ("regime forces") or for themselves.
   */
  meansUnknown(id: string): boolean {
    return id.startsWith('unknown-') && this.actors.get(id)?.descriptor === true;
  }

  /**
   * True for `civilians` and for an actor of kind `civilians` (a civilian organisation such as Syria
   * Civil Defence): formats.md §5 protects both alike.
   */
  isCivilian(code: number): boolean {
    return code === 0 || this.actors.get(this.ids[code])?.kind === CIVILIANS;
  }

  /**
   * True for a descriptor that stands for no actor at `t`: `descriptor: true` and no membership
   * valid at t ("opposition armed groups", "jihadists"). As `by` it is an unknown perpetrator.
   */
  isVagueAt(code: number, t: number, tz: string): boolean {
    if (this.actors.get(this.ids[code])?.descriptor !== true) return false;
    return this.membershipsAt(this.classOf(code), t, tz).length === 0;
  }

  /** True when the class has more than one name, so the name at a time can differ from the one written. */
  hasSuccession(cls: number): boolean {
    return cls >= 0 && this.classMembers[cls].length > 1;
  }

  /**
   * The name an actor went by at instant `t`: follow `succeeded_by` forward while its date has
   * passed, and back to the (single) predecessor while `t` is before this name's start.
   */
  nameAt(id: string, t: number, tz: string): string {
    let cur = id;
    for (let guard = 0; guard < 64; guard++) {
      const succ = this.actors.get(cur)?.succeeded_by;
      if (succ && t >= parseBoundary(succ.date, tz)) {
        cur = succ.id;
        continue;
      }
      const preds = this.predecessors.get(cur);
      if (preds && preds.length === 1) {
        const pred = this.actors.get(preds[0])!;
        if (t < parseBoundary(pred.succeeded_by!.date, tz)) {
          cur = preds[0];
          continue;
        }
      }
      break;
    }
    return cur;
  }

  /** When `id` took the name it has (its predecessor's succession date), for reasons. */
  renamedOn(id: string): TimeValue | undefined {
    const preds = this.predecessors.get(id);
    return preds && preds.length > 0 ? this.actors.get(preds[0])?.succeeded_by?.date : undefined;
  }

  /** Memberships of a class valid at `t` (from <= t < until). */
  membershipsAt(cls: number, t: number, tz: string): MembershipSpan[] {
    if (cls < 0) return [];
    return this.memberships[cls].filter(
      (m) =>
        (m.from === undefined || parseBoundary(m.from, tz) <= t) &&
        (m.until === undefined || t < parseBoundary(m.until, tz)),
    );
  }

  /**
   * The chain of memberships by which class `cls` belongs to class `coalition` at `t` (nested
   * coalitions included), or null. Breadth-first, so the shortest chain is reported.
   */
  membershipPath(cls: number, coalition: number, t: number, tz: string): MembershipSpan[] | null {
    if (cls < 0 || coalition < 0) return null;
    const seen = new Set<number>([cls]);
    let frontier: { cls: number; path: MembershipSpan[] }[] = [{ cls, path: [] }];
    while (frontier.length > 0) {
      const next: typeof frontier = [];
      for (const f of frontier) {
        for (const m of this.membershipsAt(f.cls, t, tz)) {
          const path = [...f.path, m];
          if (m.coalition === coalition) return path;
          if (!seen.has(m.coalition)) {
            seen.add(m.coalition);
            next.push({ cls: m.coalition, path });
          }
        }
      }
      frontier = next;
    }
    return null;
  }

  affiliationsOf(cls: number): readonly { target: number; targetId: string; memberId: string }[] {
    return cls < 0 ? [] : this.affiliations[cls];
  }

  /** Every time an actor's memberships or name change, as raw values (parsed per agreement tz). */
  changeTimes(): TimeValue[] {
    const out: TimeValue[] = [];
    for (const spans of this.memberships) {
      for (const m of spans) {
        if (m.from !== undefined) out.push(m.from);
        if (m.until !== undefined) out.push(m.until);
      }
    }
    return out;
  }
}
