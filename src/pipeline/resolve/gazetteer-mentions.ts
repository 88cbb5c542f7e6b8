/**
 * Finding place names in running text. The text is tokenised once; at each token the longest
 * phrase of the index that starts there is taken (greedy longest match, left to right, on word
 * boundaries), looked up in a hash of normalised n-grams: the index maps every key to its places
 * and every first token to the longest key starting with it, so a token that begins no name costs
 * one Map lookup. Linear in the text; tokens live in flat arrays to spare the garbage collector.
 * Arabic tokens may carry the clitics wa-/bi-/li-.
 */
import * as textModule from './gazetteer-text.js';

// Local bindings: module namespace accesses can be getters under some loaders (tsx), which shows
// in a loop that runs once per word.
const { ARTICLE_TOKENS, arabicStems, isArabic, isProper, normToken } = textModule;

const QUOTE_UNITS = new Set([...'‘’ʿʾ`\'ʻʼ´'].map((c) => c.charCodeAt(0)));
const WORD_UNIT = /[\p{L}\p{N}\p{M}]/u;

/** Same class as TOKEN_RE in gazetteer-text.ts, tested on one UTF-16 code unit. */
function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 96;
  if (c >= 0x621 && c <= 0x64a) return true; // Arabic letters, the common case outside ASCII
  return QUOTE_UNITS.has(c) || WORD_UNIT.test(String.fromCharCode(c));
}

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
}

const HYPHENS = new Set([45, 0x2010, 0x2011]);
/** Articles spelt like English words: joined only by a hyphen ("as-Suwayda"), not by a space ("as Hama"). */
const ENGLISH_ARTICLE_LOOKALIKES = new Set(['as', 'at', 'an', 'ad', 'ed', 'en', 'es', 'et', 'il']);
const SPACES = new Set([32, 9, 0xa0]);

interface CachedToken {
  raw: string;
  norm: string;
  proper: boolean;
}
/**
 * Tokens seen before, by an FNV-1a hash of their code units: news repeats a small vocabulary,
 * so a known word costs no substring, no lower-casing and no normalisation (the same device as
 * the actor registry's scan). A hit is confirmed against the text, so collisions are harmless.
 */
const tokenCache = new Map<number, CachedToken>();
// token arrays of the scan, reused across calls (the scan is not re-entrant)
const norms: string[] = [];
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

export function scanMentions(text: string, index: MentionIndex): RawMention[] {
  norms.length = 0;
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
    for (let c = text.charCodeAt(pos); pos < len && isWordUnit(c); c = text.charCodeAt(++pos)) h = Math.imul(h ^ c, 0x01000193);
    let tok = tokenCache.get(h);
    if (tok === undefined || tok.raw.length !== pos - start || !text.startsWith(tok.raw, start)) {
      const raw = text.slice(start, pos);
      tok = { raw, norm: normToken(raw), proper: isProper(raw) };
      if (tokenCache.size > 200_000) tokenCache.clear();
      tokenCache.set(h, tok);
    }
    const norm = tok.norm;
    if (!norm) continue;
    if (ARTICLE_TOKENS.has(norm)) {
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
    froms[k] = from;
    ends[k] = pos;
    propers[k] = tok.proper ? 1 : 0;
  }
  const out: RawMention[] = [];
  const n = norms.length;
  // longest key of the index starting at token i whose first token is `head`
  const longest = (i: number, head: string, max: number): [number, string] => {
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
  for (let i = 0; i < n; ) {
    const first = norms[i];
    const max = index.firstTokens.get(first);
    let [bestLen, bestKey] = max ? longest(i, first, max) : [0, ''];
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
  return out;
}
