/**
 * Tokens and keys for place-name matching. A key is normalizeName() of the name; running text is
 * cut into word tokens (letters, digits, combining marks and the ayn/hamza quote marks that
 * normalizeName deletes inside words), each normalised alone, with the Arabic/Latin article words
 * skipped, so that the tokens of "in Ma'arrat al-Nu'man" join to the key "maarrat numan".
 */
import { normalizeName } from './normalize-name.js';

const keys = new Map<string, string>();

/** normalizeName, memoised: the gazetteer derives many phrases from the same names. */
export function keyOf(name: string): string {
  let k = keys.get(name);
  if (k === undefined) {
    k = normalizeName(name);
    if (keys.size > 200_000) keys.clear();
    keys.set(name, k);
  }
  return k;
}

/** Articles folded away by normalizeName; as separate tokens in running text they are skipped. */
export const ARTICLE_TOKENS = new Set('al el ad ar as ash at az an adh ath aj ed er es esh et ez en il ul'.split(' '));

export interface Token {
  start: number;
  end: number;
  /** normalised form of the token ('' when it normalises to nothing) */
  norm: string;
  /** first character is a Latin capital or the token is in a caseless script (Arabic) */
  proper: boolean;
  /** the token is an article word (al, el, ash ...) */
  article: boolean;
}

/** Word characters, including the ayn/hamza marks normalizeName deletes inside words. */
export const TOKEN_RE = /[\p{L}\p{N}\p{M}‘’ʿʾ`'ʻʼ´]+/gu;
const PLAIN_ASCII = /^[A-Za-z0-9]+$/;
const cache = new Map<string, string>();

/** normalizeName for one token, with a fast path for plain ASCII words and a bounded memo. */
export function normToken(raw: string): string {
  if (PLAIN_ASCII.test(raw)) return raw.toLowerCase();
  let n = cache.get(raw);
  if (n === undefined) {
    n = normalizeName(raw);
    if (cache.size > 200_000) cache.clear();
    cache.set(raw, n);
  }
  return n;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const raw = m[0];
    const norm = normToken(raw);
    if (!norm) continue;
    out.push({ start: m.index, end: m.index + raw.length, norm, proper: isProper(raw), article: ARTICLE_TOKENS.has(norm) });
  }
  return out;
}

const QUOTE_CHARS = new Set([...'‘’ʿʾ`\'ʻʼ´']);

/** Capitalised Latin (or other cased script) first letter, or a caseless script such as Arabic. */
export function isProper(raw: string): boolean {
  // skip a leading ayn/hamza mark: "'Arab", "‘Ayn"
  const first = QUOTE_CHARS.has(raw[0]) && raw.length > 1 ? 1 : 0;
  const c = raw.charCodeAt(first);
  if (first) raw = raw.slice(first);
  if (c < 128) return c >= 65 && c <= 90;
  if (c >= 0x600 && c <= 0x6ff) return true;
  return raw[0] !== raw[0].toLowerCase();
}

export const isArabic = (s: string): boolean => {
  const c = s.charCodeAt(0);
  return c >= 0x600 && c <= 0x6ff;
};

/** The Arabic clitics that stick to a following word: wa- (and), bi- (in), li- (to), fa-, ka-. */
const ARABIC_PROCLITIC = /^(?:و|ف)?(?:ب|ل|ك)?/;

/** Shorter forms of an Arabic token after removing proclitics and then the article: "بحلب" -> "حلب". */
export function arabicStems(norm: string): string[] {
  if (!isArabic(norm)) return [];
  const out: string[] = [];
  const bare = norm.replace(ARABIC_PROCLITIC, '');
  if (bare !== norm && bare.length >= 2) out.push(bare);
  const noArticle = bare.replace(/^ال/, '');
  if (noArticle !== bare && noArticle.length >= 2) out.push(noArticle);
  return out;
}

/**
 * A consonant skeleton of a Latin key, for a last-resort fuzzy match between transliterations:
 * vowels and the semi-vowels w/y are dropped, q/k and doubled letters are folded, a final -h is
 * dropped and spaces go. "Deir Ezzor", "Dayr az Zawr" and "Deir ez-Zor" all give "drzr"; "Idleb"
 * and "Edlib" give "dlb"; "Kafranbel" and "Kafr Nabl" give "kfrnbl". This is the idea behind
 * consonant-based name keys for Arabic transliterations (cf. the Soundex family, R. C. Russell,
 * US patent 1,261,167, 1918), kept minimal; callers rank its hits below exact matches.
 */
export function skeletonOf(key: string): string {
  if (/[^a-z0-9 ]/.test(key)) return '';
  return key
    .split(' ')
    .map((w) => w.replace(/h$/, ''))
    .join('')
    .replace(/[aeiouyw]/g, '')
    .replace(/q/g, 'k')
    .replace(/(.)\1+/g, '$1');
}
