/**
 * The actor registry: names -> actor ids, at a given time (formats.md §2, §5).
 *
 * API (stable; imported by extraction and adjudication):
 *
 *   const reg = createActorRegistry(actors, { tz: 'Asia/Damascus' })
 *   reg.resolve(name, at?)      -> { id: string | null, ambiguous: string[], descriptor?: boolean, via?: string }
 *   reg.findMentions(text, at?) -> ActorMention[]  (longest match, whole words, left to right, non-overlapping)
 *   reg.membershipsAt(id, at?)  -> coalition ids `id` is a direct member of at `at` (all when `at` is absent)
 *   reg.coalitionsAt(id, at?)   -> the same, transitively (a member of a member of NFL is in NFL)
 *   reg.membersOf(id, at?)      -> direct members of coalition `id` at `at`
 *   reg.canonical(id, at?)      -> follows `succeeded_by` while its date is <= at (to the end when `at` is absent)
 *   reg.lineage(id)             -> every name of the same actor: predecessors, itself, successors
 *   reg.affiliatesOf(id)        -> actors with `affiliate_of` pointing at `id` or at any name in its lineage
 *   reg.get(id), reg.actors, reg.aliasCount
 *
 * `at` is epoch milliseconds. Membership bounds are half-open [from, until); a date bound means
 * 00:00 local in `tz` (formats.md §3).
 *
 * Policies (documented in data/syria/SOURCES.md):
 * - Succession: formats.md counts predecessor and successor names as the same actor. `resolve` with
 *   `at` returns the name in use at `at` ("Nusra Front" in 2018 -> hayat-tahrir-al-sham); without
 *   `at` it returns the actor the alias is written on.
 * - Descriptors (`descriptor: true`): phrases like "regime forces" or "unidentified aircraft".
 *   A descriptor with a `member_of` entry valid at `at` stands for the forces of that actor and
 *   resolves to it ("regime forces" -> syrian-government), with `descriptor: true` and `via` the
 *   descriptor's id. Every other descriptor resolves to id null with `via` set: those whose id
 *   starts with `unknown-` mean "perpetrator not known" ("unidentified aircraft"); the rest are too
 *   vague to name a party ("rebels" -> via opposition-armed-groups, "jihadists" -> via
 *   jihadist-groups), since "rebels" in Idlib may be a bound faction or an excluded one. Either
 *   way `by` stays unknown (adjudication: `undetermined`) until a reviewer names the group.
 * - An alias written on two actors that are not the same actor at `at` is ambiguous: id null and
 *   `ambiguous` lists the candidates. An actor whose `active` period excludes `at` is dropped from
 *   the candidates unless that leaves none.
 * - Short all-capital acronyms (IS, SAA, HTS...) only match text in capitals in `findMentions`,
 *   so the English word "is" is not the Islamic State.
 */
import { type Actor, CIVILIANS, parseBoundary } from '../../domain/index.js';
import { detachedSlice } from './detached-slice.js';
import { normalizeName } from './normalize-name.js';

export interface Resolution {
  id: string | null;
  ambiguous: string[];
  descriptor?: boolean;
  /** the descriptor actor the name matched, when it resolved to another actor or to null */
  via?: string;
}

export interface ActorMention extends Resolution {
  /** UTF-16 offsets into the scanned text, end exclusive */
  start: number;
  end: number;
  text: string;
}

export interface ActorRegistry {
  readonly actors: readonly Actor[];
  readonly aliasCount: number;
  get(id: string): Actor | undefined;
  resolve(name: string, at?: number): Resolution;
  findMentions(text: string, at?: number): ActorMention[];
  membershipsAt(id: string, at?: number): string[];
  coalitionsAt(id: string, at?: number): string[];
  membersOf(id: string, at?: number): string[];
  canonical(id: string, at?: number): string;
  lineage(id: string): string[];
  affiliatesOf(id: string): string[];
}

interface Bounded {
  id: string;
  from: number;
  until: number;
}

/** Articles folded away by normalizeName; as separate tokens in running text they are skipped. */
const ARTICLE_TOKENS = new Set('al el ad ar as ash at az an adh ath aj ed er es esh et ez en il ul'.split(' '));
/**
 * Word characters: letters, digits and combining marks, plus the ayn/hamza marks normalizeName
 * deletes inside words. Classified once per UTF-16 code unit (a table, not a Unicode RegExp per
 * character: tokenising is the hot loop of findMentions); surrogates count as letters.
 */
const LETTER = /[\p{L}\p{N}\p{M}]/u;
const JOINER = /[‘’ʿʾ`'ʻʼ´]/u; // inside a word only: "Hay’at", not the quotes around "rebels’"
const charClass = new Uint8Array(65536); // 0 unknown, 1 letter, 2 other, 3 joiner
function classOf(c: number): number {
  let k = charClass[c];
  if (k === 0) {
    const s = String.fromCharCode(c);
    k = (c >= 0xd800 && c <= 0xdfff) || LETTER.test(s) ? 1 : JOINER.test(s) ? 3 : 2;
    charClass[c] = k;
  }
  return k;
}
const ACRONYM_RE = /^[A-Z]{2,4}$/;

/**
 * `{ start, end, text, ...r }` without the object spread (a generic property copy per mention):
 * the same own properties in the same order.
 */
function mention(start: number, end: number, text: string, r: Resolution): ActorMention {
  const m: ActorMention = { start, end, text, id: r.id, ambiguous: r.ambiguous };
  if ('descriptor' in r) m.descriptor = r.descriptor;
  if ('via' in r) m.via = r.via;
  return m;
}

/** The index key of a name: normalizeName after cutting English possessives ("Assad's regime"). */
function keyOf(name: string): string {
  return normalizeName(name.replace(/(\S)['’`]s(?=\s|$)/gi, '$1'));
}

export function createActorRegistry(actors: readonly Actor[], options: { tz?: string } = {}): ActorRegistry {
  const tz = options.tz ?? 'Asia/Damascus';
  const byId = new Map<string, Actor>();
  for (const a of actors) byId.set(a.id, a);

  const bound = (v: unknown, open: number): number => (v === undefined ? open : parseBoundary(v as string | Date, tz));
  const memberships = new Map<string, Bounded[]>();
  const members = new Map<string, Bounded[]>();
  const successor = new Map<string, { id: string; at: number }>();
  const predecessors = new Map<string, string[]>();
  const active = new Map<string, { from: number; until: number }>();
  for (const a of actors) {
    const list = (a.member_of ?? []).map((m) => ({
      id: m.id,
      from: bound(m.from, Number.NEGATIVE_INFINITY),
      until: bound(m.until, Number.POSITIVE_INFINITY),
    }));
    memberships.set(a.id, list);
    for (const m of list) {
      const arr = members.get(m.id) ?? [];
      arr.push({ id: a.id, from: m.from, until: m.until });
      members.set(m.id, arr);
    }
    if (a.succeeded_by) {
      successor.set(a.id, { id: a.succeeded_by.id, at: bound(a.succeeded_by.date, 0) });
      predecessors.set(a.succeeded_by.id, [...(predecessors.get(a.succeeded_by.id) ?? []), a.id]);
    }
    if (a.active) {
      active.set(a.id, {
        from: bound(a.active.from, Number.NEGATIVE_INFINITY),
        until: bound(a.active.until, Number.POSITIVE_INFINITY),
      });
    }
  }

  const validAt = (b: Bounded, at?: number) => at === undefined || (b.from <= at && at < b.until);

  function canonical(id: string, at?: number): string {
    let cur = id;
    for (let guard = 0; guard < 64; guard++) {
      const next = successor.get(cur);
      if (!next || (at !== undefined && at < next.at)) break;
      cur = next.id;
    }
    return cur;
  }

  const lineageMemo = new Map<string, string[]>();
  function lineage(id: string): string[] {
    let out = lineageMemo.get(id);
    if (!out) {
      out = computeLineage(id);
      lineageMemo.set(id, out);
    }
    return out;
  }

  function computeLineage(id: string): string[] {
    let root = id;
    for (let guard = 0; guard < 64; guard++) {
      const p = predecessors.get(root);
      if (!p?.length) break;
      root = p[0];
    }
    const out: string[] = [];
    const walk = (x: string) => {
      if (out.includes(x)) return;
      out.push(x);
      for (const p of predecessors.get(x) ?? []) walk(p);
      const s = successor.get(x);
      if (s) walk(s.id);
    };
    walk(root);
    return out;
  }

  /** Where a matched actor leads: descriptors stand for their coalition/state, or for nobody. */
  function target(id: string, at?: number): Resolution {
    const a = byId.get(id);
    if (!a?.descriptor) return { id: at === undefined ? id : canonical(id, at), ambiguous: [] };
    const m = id.startsWith('unknown-') ? undefined : (memberships.get(id) ?? []).find((b) => validAt(b, at));
    if (m) return { id: at === undefined ? m.id : canonical(m.id, at), ambiguous: [], descriptor: true, via: id };
    return { id: null, ambiguous: [], descriptor: true, via: id };
  }

  function decide(candidates: readonly string[], at?: number): Resolution {
    let cands = candidates;
    if (at !== undefined && cands.length > 1) {
      const live = cands.filter((c) => {
        const r = active.get(c);
        return !r || (r.from <= at && at < r.until);
      });
      if (live.length) cands = live;
    }
    const targets = cands.map((c) => target(c, at));
    // Names of the same actor (succession) are one candidate; keep the latest name in use.
    const seen = new Map<string, Resolution>();
    for (const t of targets) {
      const key = t.id === null ? `null:${t.via}` : lineage(t.id)[0];
      const prev = seen.get(key);
      if (!prev || (t.id && prev.id && lineage(t.id).indexOf(t.id) > lineage(prev.id).indexOf(prev.id)))
        seen.set(key, t);
    }
    const distinct = [...seen.values()];
    if (distinct.length === 1) return distinct[0];
    if (distinct.length === 0) return { id: null, ambiguous: [] };
    const ids = [...new Set(distinct.map((d) => d.id ?? d.via ?? ''))].sort();
    return { id: null, ambiguous: ids };
  }

  // Alias index: normalised key -> actor ids; plus, for scanning, a trie of the keys over word
  // ids (node 0 is the root), so that the scan walks integer edges instead of building and
  // hashing the string of every n-gram that starts with an alias's first word.
  const index = new Map<string, string[]>();
  const acronyms = new Map<string, Set<string>>(); // normalised key -> exact spellings that must match case
  const wordIds = new Map<string, number>();
  const edges: Array<Map<number, number>> = [new Map()];
  const keyAt: Array<string | undefined> = [undefined];
  let aliasCount = 0;
  const add = (name: string, id: string) => {
    const key = keyOf(name);
    if (!key) return;
    const ids = index.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    index.set(key, ids);
    if (ACRONYM_RE.test(name.trim())) {
      const set = acronyms.get(key) ?? new Set<string>();
      set.add(name.trim());
      acronyms.set(key, set);
    } else if (acronyms.has(key)) {
      acronyms.get(key)?.add('*'); // also written as a word: no case rule
    }
    let node = 0;
    for (const w of key.split(' ')) {
      let id = wordIds.get(w);
      if (id === undefined) {
        id = wordIds.size;
        wordIds.set(w, id);
      }
      let next = edges[node].get(id);
      if (next === undefined) {
        next = edges.length;
        edges.push(new Map());
        keyAt.push(undefined);
        edges[node].set(id, next);
      }
      node = next;
    }
    keyAt[node] = key;
  };
  for (const a of actors) {
    add(a.name, a.id);
    add(a.id.replace(/-/g, ' '), a.id);
    if (a.name_ar) add(a.name_ar, a.id);
    for (const al of a.aliases ?? []) {
      add(al, a.id);
      aliasCount++;
    }
  }

  /**
   * A token's normal form as trie edges: its word ids, or null when one of its words is in no
   * key (such a token can neither start nor continue a match). A token normally is one word; a
   * few marks of other scripts make normalizeName split it, and then, as before the trie, it may
   * continue a match but not start one (`single`).
   */
  interface TokenSlot {
    raw: string;
    norm: string;
    words: number[] | null;
    single: boolean;
  }
  const tokenCache = new Map<number, TokenSlot>();
  const wordsOf = (norm: string): number[] | null => {
    const out: number[] = [];
    for (const w of norm.split(' ')) {
      const id = wordIds.get(w);
      if (id === undefined) return null;
      out.push(id);
    }
    return out;
  };
  const nameCache = new Map<string, string>();
  // Resolutions per instant, across calls: a report resolves all its names at its publication
  // instant, and a feed's reports share a few instants, so the same (key, at) pairs recur; the
  // result is a pure function of the registry, the key and `at`. Bounded: cleared past 256 instants.
  const decidedAt = new Map<number | undefined, Map<string, Resolution>>();
  function decideCached(key: string, ids: readonly string[], at?: number): Resolution {
    let cache = decidedAt.get(at);
    if (!cache) {
      if (decidedAt.size >= 256) decidedAt.clear();
      cache = new Map();
      decidedAt.set(at, cache);
    }
    let r = cache.get(key);
    if (!r) {
      r = decide(ids, at);
      cache.set(key, r);
    }
    return r;
  }
  // token offsets of the text being scanned, grown on demand and reused across calls (typed
  // arrays of a few KB live outside the JS heap: allocating two per call was measurable)
  let starts = new Int32Array(1024);
  let ends = new Int32Array(1024);
  const tokens: TokenSlot[] = [];

  function resolve(name: string, at?: number): Resolution {
    if (name === CIVILIANS) return { id: CIVILIANS, ambiguous: [] };
    if (byId.has(name)) return decide([name], at);
    let key = nameCache.get(name);
    if (key === undefined) {
      key = keyOf(name);
      if (nameCache.size > 100_000) nameCache.clear();
      nameCache.set(name, key);
    }
    const ids = index.get(key);
    return ids ? decide(ids, at) : { id: null, ambiguous: [] };
  }

  function findMentions(text: string, at?: number): ActorMention[] {
    // Tokenise once: each word with its offsets and normal form; articles are skipped the way
    // normalizeName drops them, so "Jaysh al-Islam" in text meets the key "jaysh islam".
    const len = text.length;
    tokens.length = 0;
    for (let p = 0; p < len; ) {
      let c = text.charCodeAt(p);
      if (classOf(c) !== 1) {
        p++;
        continue;
      }
      // FNV-1a over the word's code units, so that a known word costs no string allocation:
      // news vocabulary is small, and each distinct word is normalised once.
      const start = p;
      let h = 0x811c9dc5;
      let k = 1;
      do {
        h = Math.imul(h ^ c, 0x01000193);
        p++;
        c = p < len ? text.charCodeAt(p) : 32;
        k = classOf(c);
      } while (p < len && k !== 2);
      // a trailing quote closes the word rather than belonging to it, and so does an English
      // possessive ("HTS's", "Hay’at Tahrir al-Sham’s"): both are cut off the word
      while (classOf(text.charCodeAt(p - 1)) === 3) {
        p--;
        h = Number.NaN; // recompute below: rare
      }
      if (p - start > 2 && (text.charCodeAt(p - 1) | 32) === 115 && classOf(text.charCodeAt(p - 2)) === 3) {
        p -= 2;
        h = Number.NaN;
      }
      if (Number.isNaN(h)) {
        h = 0x811c9dc5;
        for (let q = start; q < p; q++) h = Math.imul(h ^ text.charCodeAt(q), 0x01000193);
      }
      let slot = tokenCache.get(h);
      if (slot === undefined || slot.raw.length !== p - start || !text.startsWith(slot.raw, start)) {
        const raw = detachedSlice(text, start, p); // cached: must not pin the report
        const norm = ARTICLE_TOKENS.has(raw.toLowerCase()) ? '' : normalizeName(raw);
        slot = { raw, norm, words: norm ? wordsOf(norm) : null, single: !norm.includes(' ') };
        if (tokenCache.size > 200_000) tokenCache.clear();
        tokenCache.set(h, slot);
      }
      if (slot.norm) {
        const n = tokens.length;
        if (n === starts.length) {
          const grownStarts = new Int32Array(n * 2);
          grownStarts.set(starts);
          starts = grownStarts;
          const grownEnds = new Int32Array(n * 2);
          grownEnds.set(ends);
          ends = grownEnds;
        }
        starts[n] = start;
        ends[n] = p;
        tokens.push(slot);
      }
    }
    const count = tokens.length;
    const out: ActorMention[] = [];
    for (let i = 0; i < count; ) {
      // longest key starting at token i: walk the trie token by token (a token's words in turn)
      let best = 0;
      let bestIds: string[] | undefined;
      let bestKey = '';
      const first = tokens[i];
      if (first.single && first.words !== null) {
        let node = 0;
        for (let n = 1; i + n <= count; n++) {
          const words = tokens[i + n - 1].words;
          if (words === null) break;
          for (let w = 0; w < words.length && node >= 0; w++) node = edges[node].get(words[w]) ?? -1;
          if (node < 0) break;
          const key = keyAt[node];
          if (key !== undefined && caseOk(key, starts[i], ends[i + n - 1])) {
            best = n;
            bestIds = index.get(key);
            bestKey = key;
          }
        }
      }
      if (best && bestIds) {
        const start = starts[i];
        const end = ends[i + best - 1];
        out.push(mention(start, end, text.slice(start, end), decideCached(bestKey, bestIds, at)));
        i += best;
      } else {
        i++;
      }
    }
    tokens.length = 0;
    function caseOk(key: string, start: number, end: number): boolean {
      const spellings = acronyms.get(key);
      return !spellings || spellings.has('*') || spellings.has(text.slice(start, end));
    }
    return out;
  }

  function membershipsAt(id: string, at?: number): string[] {
    return (memberships.get(id) ?? []).filter((b) => validAt(b, at)).map((b) => b.id);
  }

  function coalitionsAt(id: string, at?: number): string[] {
    const out: string[] = [];
    const stack = [id];
    while (stack.length) {
      for (const c of membershipsAt(stack.pop() as string, at)) {
        if (!out.includes(c) && c !== id) {
          out.push(c);
          stack.push(c);
        }
      }
    }
    return out;
  }

  function membersOf(id: string, at?: number): string[] {
    return (members.get(id) ?? []).filter((b) => validAt(b, at)).map((b) => b.id);
  }

  function affiliatesOf(id: string): string[] {
    const names = new Set(lineage(id));
    return actors.filter((a) => a.affiliate_of?.some((x) => names.has(x))).map((a) => a.id);
  }

  return {
    actors,
    aliasCount,
    get: (id) => byId.get(id),
    resolve,
    findMentions,
    membershipsAt,
    coalitionsAt,
    membersOf,
    canonical,
    lineage,
    affiliatesOf,
  };
}
