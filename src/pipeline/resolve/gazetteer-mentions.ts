/**
 * Finding place names in running text. The text is tokenised once; at each token the longest
 * phrase of the index that starts there is taken (greedy longest match, left to right, on word
 * boundaries), looked up in a hash of normalised n-grams: the index maps every key to its places
 * and every first token to the longest key starting with it, so a token that begins no name costs
 * one Map lookup. When the index also lists its keys, the n-grams are walked in a trie of the keys
 * over word ids instead (no string built and hashed per candidate n-gram). Linear in the text;
 * tokens live in flat arrays to spare the garbage collector. Arabic tokens may carry the clitics
 * wa-/bi-/li-.
 */
import { detachedSlice } from './detached-slice.js';
import * as textModule from './gazetteer-text.js';

// Local bindings: module namespace accesses can be getters under some loaders (tsx), which shows
// in a loop that runs once per word.
const { ARTICLE_TOKENS, arabicStems, isArabic, isProper, normToken } = textModule;

const QUOTE_UNITS = new Set([..."‘’ʿʾ`'ʻʼ´"].map((c) => c.charCodeAt(0)));
const WORD_UNIT = /[\p{L}\p{N}\p{M}]/u;

/** Same class as TOKEN_RE in gazetteer-text.ts, tested on one UTF-16 code unit. */
function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 96;
  if (c >= 0x621 && c <= 0x64a) return true; // Arabic letters, the common case outside ASCII
  // other code units (curly quotes, dashes, accented letters) classified once each
  let k = unitClass[c];
  if (k === 0) {
    k = QUOTE_UNITS.has(c) || WORD_UNIT.test(String.fromCharCode(c)) ? 1 : 2;
    unitClass[c] = k;
  }
  return k === 1;
}
const unitClass = new Uint8Array(65536); // 0 not yet classified, 1 word unit, 2 other

export interface RawMention {
  start: number;
  end: number;
  key: string;
}

export interface MentionIndex {
  has(key: string): boolean;
  /** first token -> greatest number of tokens of a key that starts with it */
  firstTokens: Map<string, number>;
  /** whether a key may match here: `proper` says a capitalised (or Arabic) token is in the span */
  allowed(key: string, proper: boolean, tokens: number): boolean;
  /** every key of the index (optional: with it the scan walks a trie built once per `firstTokens`) */
  keys?(): Iterable<string>;
}

/** The keys of an index as a trie over word ids; node 0 is the root, `keyAt` marks whole keys. */
interface Trie {
  wordIds: Map<string, number>;
  edges: Array<Map<number, number> | undefined>;
  keyAt: Array<string | undefined>;
}
const tries = new WeakMap<Map<string, number>, Trie>();
function trieOf(index: MentionIndex): Trie | undefined {
  if (!index.keys) return undefined;
  let t = tries.get(index.firstTokens);
  if (t) return t;
  t = { wordIds: new Map(), edges: [undefined], keyAt: [undefined] };
  for (const key of index.keys()) {
    let node = 0;
    for (const w of key.split(' ')) {
      let id = t.wordIds.get(w);
      if (id === undefined) {
        id = t.wordIds.size;
        t.wordIds.set(w, id);
      }
      let out = t.edges[node];
      if (!out) {
        out = new Map();
        t.edges[node] = out;
      }
      let next = out.get(id);
      if (next === undefined) {
        next = t.edges.length;
        t.edges.push(undefined);
        t.keyAt.push(undefined);
        out.set(id, next);
      }
      node = next;
    }
    t.keyAt[node] = key;
  }
  tries.set(index.firstTokens, t);
  return t;
}

const HYPHENS = new Set([45, 0x2010, 0x2011]);
/** Articles spelt like English words: joined only by a hyphen ("as-Suwayda"), not by a space ("as Hama"). */
const ENGLISH_ARTICLE_LOOKALIKES = new Set(['as', 'at', 'an', 'ad', 'ed', 'en', 'es', 'et', 'il']);
const SPACES = new Set([32, 9, 0xa0]);

interface CachedToken {
  raw: string;
  norm: string;
  proper: boolean;
  article: boolean;
  /** the norm's word ids in `trie` (null: a word of it is in no key); recomputed for another trie */
  trie?: Trie;
  words: number[] | null;
  /** the trie node after this token as a key's first word, -1 when no key starts with it */
  root: number;
}
/**
 * Tokens seen before, by an FNV-1a hash of their code units: news repeats a small vocabulary,
 * so a known word costs no substring, no lower-casing and no normalisation (the same device as
 * the actor registry's scan). A hit is confirmed against the text, so collisions are harmless.
 */
const tokenCache = new Map<number, CachedToken>();
// token arrays of the scan, reused across calls (the scan is not re-entrant)
const norms: string[] = [];
const tokenWords: Array<number[] | null> = [];
const tokenRoots: number[] = [];
let froms = new Int32Array(1024);
let ends = new Int32Array(1024);
let propers = new Uint8Array(1024);

function grow(): void {
  const n = froms.length * 2;
  const f = new Int32Array(n);
  f.set(froms);
  froms = f;
  const e = new Int32Array(n);
  e.set(ends);
  ends = e;
  const p = new Uint8Array(n);
  p.set(propers);
  propers = p;
}

function wordsIn(trie: Trie, norm: string): number[] | null {
  const out: number[] = [];
  for (const w of norm.split(' ')) {
    const id = trie.wordIds.get(w);
    if (id === undefined) return null;
    out.push(id);
  }
  return out;
}

export function scanMentions(text: string, index: MentionIndex): RawMention[] {
  const trie = trieOf(index);
  norms.length = 0;
  tokenWords.length = 0;
  tokenRoots.length = 0;
  // Articles are skipped as normalizeName skips them, but a mention starts at an article joined
  // to it: "al-Bab", "Al Bab" and "Ath Thawrah" are reported whole; "as" in "as Hama" is left out.
  let artStart = -1;
  let artEnd = -1;
  let artNorm = '';
  // A hand-rolled scan instead of RegExp#exec: no match object per word, the same token rule
  // as TOKEN_RE (letters, digits, marks and the ayn/hamza quote marks).
  const len = text.length;
  let pos = 0;
  for (;;) {
    while (pos < len && !isWordUnit(text.charCodeAt(pos))) pos++;
    if (pos >= len) break;
    const start = pos;
    let h = 0x811c9dc5;
    for (let c = text.charCodeAt(pos); pos < len && isWordUnit(c); c = text.charCodeAt(++pos))
      h = Math.imul(h ^ c, 0x01000193);
    let tok = tokenCache.get(h);
    if (tok === undefined || tok.raw.length !== pos - start || !text.startsWith(tok.raw, start)) {
      const raw = detachedSlice(text, start, pos); // cached: must not pin the report
      const norm = normToken(raw);
      tok = { raw, norm, proper: isProper(raw), article: ARTICLE_TOKENS.has(norm), words: null, root: -1 };
      if (tokenCache.size > 200_000) tokenCache.clear();
      tokenCache.set(h, tok);
    }
    const norm = tok.norm;
    if (!norm) continue;
    if (tok.article) {
      artStart = start;
      artEnd = pos;
      artNorm = norm;
      continue;
    }
    let from = start;
    if (artStart >= 0 && start - artEnd === 1) {
      const c = text.charCodeAt(artEnd);
      if (HYPHENS.has(c) || (SPACES.has(c) && !ENGLISH_ARTICLE_LOOKALIKES.has(artNorm))) from = artStart;
    }
    artStart = -1;
    const k = norms.length;
    if (k === froms.length) grow();
    norms.push(norm);
    if (trie) {
      if (tok.trie !== trie) {
        tok.trie = trie;
        tok.words = wordsIn(trie, norm);
        // a token normalised to several words never starts a key (as with firstTokens)
        tok.root = tok.words?.length === 1 && !norm.includes(' ') ? (trie.edges[0]?.get(tok.words[0]) ?? -1) : -1;
      }
      tokenWords.push(tok.words);
      tokenRoots.push(tok.root);
    }
    froms[k] = from;
    ends[k] = pos;
    propers[k] = tok.proper ? 1 : 0;
  }
  const out: RawMention[] = [];
  const n = norms.length;
  // longest key of the index starting at token i whose first token is `head`
  const longest = (i: number, head: string, max: number): [number, string] => {
    if (trie) return longestInTrie(trie, i, head);
    let bestLen = 0;
    let bestKey = '';
    let key = head;
    let proper = propers[i] === 1;
    for (let len = 1; len <= max && i + len <= n; len++) {
      if (len > 1) {
        key = `${key} ${norms[i + len - 1]}`;
        proper ||= propers[i + len - 1] === 1;
      }
      if (index.has(key) && index.allowed(key, proper, len)) {
        bestLen = len;
        bestKey = key;
      }
    }
    return [bestLen, bestKey];
  };
  // the same walk over the trie: a prefix no key extends ends it (`max` is implied by the depth)
  const longestInTrie = (t: Trie, i: number, head: string): [number, string] =>
    longestFrom(t, i, t.edges[0]?.get(t.wordIds.get(head) ?? -1) ?? -1);
  const longestFrom = (t: Trie, i: number, root: number): [number, string] => {
    let bestLen = 0;
    let bestKey = '';
    let node = root;
    let proper = propers[i] === 1;
    for (let len = 1; node >= 0 && i + len <= n; len++) {
      if (len > 1) {
        const words = tokenWords[i + len - 1];
        if (words === null) break;
        for (let w = 0; w < words.length && node >= 0; w++) node = t.edges[node]?.get(words[w]) ?? -1;
        if (node < 0) break;
        proper ||= propers[i + len - 1] === 1;
      }
      const key = t.keyAt[node];
      if (key !== undefined && index.allowed(key, proper, len)) {
        bestLen = len;
        bestKey = key;
      }
    }
    return [bestLen, bestKey];
  };
  for (let i = 0; i < n; ) {
    const first = norms[i];
    let bestLen = 0;
    let bestKey = '';
    if (trie) {
      // the token's root node was found once, when the token was first seen
      if (tokenRoots[i] >= 0) [bestLen, bestKey] = longestFrom(trie, i, tokenRoots[i]);
    } else {
      const max = index.firstTokens.get(first);
      if (max) [bestLen, bestKey] = longest(i, first, max);
    }
    if (isArabic(first)) {
      for (const stem of arabicStems(first)) {
        const m = index.firstTokens.get(stem);
        if (!m) continue;
        const [len, key] = longest(i, stem, m);
        if (len > bestLen) [bestLen, bestKey] = [len, key];
      }
    }
    if (bestLen) {
      out.push({ start: froms[i], end: ends[i + bestLen - 1], key: bestKey });
      i += bestLen;
    } else {
      i++;
    }
  }
  norms.length = 0;
  tokenWords.length = 0;
  tokenRoots.length = 0;
  return out;
}
