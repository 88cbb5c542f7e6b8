/**
 * A word-start prefilter for word-anchored patterns: which of a list of regexes can possibly
 * match a sentence, from one pass over the sentence's word starts.
 *
 * Each pattern's source is read (a small parser for the regex subset the rules use) to list the
 * first three characters any of its matches can begin with. A pattern qualifies only when every
 * match must start with `\b` followed by an ASCII word character and it has only the `i` and `g`
 * flags (so case folding is ASCII lower-casing, ECMA-262 §22.2.2.7.3 Canonicalize without `u`);
 * anything else the parser does not know makes the pattern "always possible". Skipping a zero-
 * width assertion or a lookaround only widens the prefix set, so the filter is sound: a pattern
 * whose bit is clear cannot match. This is the prefilter idea of regex engines that reject text
 * by required literals before running the automaton (e.g. RE2's prefix accelerations, Hyperscan's
 * literal "factors", Wang et al., NSDI 2019), at the granularity of word prefixes.
 */

const WORD = /^[A-Za-z0-9_]$/;
const LIMIT = 20_000; // prefixes per pattern beyond which it counts as always possible

type Atom =
  | { kind: 'chars'; chars: string[] }
  | { kind: 'group'; alts: Term[][] }
  | { kind: 'assert'; wordBoundary: boolean };
interface Term {
  atom: Atom;
  min: number;
  max: number;
}

class Unsupported extends Error {}

/** Parse the regex subset of the rules: literals, escapes, classes, groups, alternation, quantifiers. */
function parse(src: string): Term[][] {
  let i = 0;
  const alternation = (): Term[][] => {
    const alts: Term[][] = [[]];
    while (i < src.length && src[i] !== ')') {
      if (src[i] === '|') {
        i++;
        alts.push([]);
        continue;
      }
      const atom = parseAtom();
      const [min, max] = quantifier();
      alts[alts.length - 1].push({ atom, min, max });
    }
    return alts;
  };
  const quantifier = (): [number, number] => {
    const c = src[i];
    let q: [number, number] = [1, 1];
    if (c === '?') q = [0, 1];
    else if (c === '*') q = [0, Number.POSITIVE_INFINITY];
    else if (c === '+') q = [1, Number.POSITIVE_INFINITY];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) throw new Unsupported('brace');
      i += m[0].length;
      const lo = Number(m[1]);
      const hi = m[2] === undefined ? lo : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
      if (src[i] === '?') i++;
      return [lo, hi];
    } else return q;
    i++;
    if (src[i] === '?') i++; // lazy: same strings
    return q;
  };
  const parseAtom = (): Atom => {
    const c = src[i];
    if (c === '(') {
      i++;
      let lookaround = false;
      if (src.startsWith('?:', i)) i += 2;
      else if (
        src.startsWith('?=', i) ||
        src.startsWith('?!', i) ||
        src.startsWith('?<=', i) ||
        src.startsWith('?<!', i)
      ) {
        i += src[i + 1] === '<' ? 3 : 2;
        lookaround = true;
      } else if (src[i] === '?') throw new Unsupported('named group');
      const alts = alternation();
      if (src[i] !== ')') throw new Unsupported('unclosed group');
      i++;
      return lookaround ? { kind: 'assert', wordBoundary: false } : { kind: 'group', alts };
    }
    if (c === '[') return { kind: 'chars', chars: charClass() };
    if (c === '\\') return parseEscape();
    if (c === '^' || c === '$') {
      i++;
      return { kind: 'assert', wordBoundary: false };
    }
    if (c === '.') throw new Unsupported('dot');
    if (c.charCodeAt(0) > 127 || c.charCodeAt(0) < 2) throw new Unsupported('non-ASCII literal');
    i++;
    return { kind: 'chars', chars: [c] };
  };
  const parseEscape = (): Atom => {
    const e = src[i + 1];
    i += 2;
    if (e === 'b') return { kind: 'assert', wordBoundary: true };
    if (e === 'B') return { kind: 'assert', wordBoundary: false };
    const set = escapeSet(e);
    if (set) return { kind: 'chars', chars: set };
    if (/[.\\/()[\]{}|?*+^$-]/.test(e)) return { kind: 'chars', chars: [e] };
    throw new Unsupported(`escape \\${e}`);
  };
  const escapeSet = (e: string): string[] | undefined => {
    if (e === 'd') return [...'0123456789'];
    if (e === 'w') return [...'abcdefghijklmnopqrstuvwxyz0123456789_'];
    if (e === 's') return [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0']; // and other spaces: see ANY_OTHER
    return undefined;
  };
  const charClass = (): string[] => {
    i++;
    if (src[i] === '^') throw new Unsupported('negated class');
    const out: string[] = [];
    while (i < src.length && src[i] !== ']') {
      let c = src[i];
      if (c === '\\') {
        const set = escapeSet(src[i + 1]);
        if (set) {
          out.push(...set);
          i += 2;
          continue;
        }
        if (src[i + 1] === 'b' || !/[.\\/()[\]{}|?*+^$-]/.test(src[i + 1])) throw new Unsupported('class escape');
        c = src[i + 1];
        i++;
      }
      if (c.charCodeAt(0) > 127 || c.charCodeAt(0) < 2) throw new Unsupported('non-ASCII class');
      if (src[i + 1] === '-' && src[i + 2] !== ']' && src[i + 2] !== undefined) {
        const hi = src[i + 2];
        if (hi === '\\') throw new Unsupported('class range escape');
        for (let k = c.charCodeAt(0); k <= hi.charCodeAt(0); k++) out.push(String.fromCharCode(k));
        i += 3;
      } else {
        out.push(c);
        i++;
      }
    }
    if (src[i] !== ']') throw new Unsupported('unclosed class');
    i++;
    return out;
  };
  const alts = alternation();
  if (i !== src.length) throw new Unsupported('stray )');
  return alts;
}

/**
 * \s also matches Unicode spaces (U+2000-U+200A, U+2028, U+3000, BOM...): they are mapped to one
 * placeholder code both here and when the text is read, so a prefix through \s stays sound.
 */
const ANY_OTHER = '\u0001';
const SPACE_LIKE = /^\s$/;

/**
 * The lower-cased three-character prefixes every match of `re` starts with, at a word start; or
 * undefined when the pattern does not qualify (then it is always possible).
 */
export function wordPrefixes(re: RegExp): Set<string> | undefined {
  if (/[^gi]/.test(re.flags) || !re.flags.includes('i')) return undefined;
  let alts: Term[][];
  try {
    alts = parse(re.source);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  const out = new Set<string>();
  let ok = true;
  // depth-first over continuations: `rest` is a stack of terms still to match after the current one
  let steps = 0;
  const walk = (rest: Term[], prefix: string, sawBoundary: boolean, depth = 0): void => {
    // a quantified group that can match the empty string would repeat forever: give up instead
    if (!ok || ++steps > 50 * LIMIT || depth > 500) {
      ok = false;
      return;
    }
    if (prefix.length === 3) {
      out.add(prefix);
      if (out.size > LIMIT) ok = false;
      return;
    }
    if (rest.length === 0) {
      ok = false; // a match can end before three characters
      return;
    }
    const [t, ...tail] = rest;
    // the term zero times
    if (t.min === 0) walk(tail, prefix, sawBoundary, depth + 1);
    if (t.max === 0) return;
    // once more, then what remains of its quantifier
    const again: Term[] = t.max > 1 ? [{ atom: t.atom, min: Math.max(0, t.min - 1), max: t.max - 1 }, ...tail] : tail;
    const a = t.atom;
    if (a.kind === 'assert') walk(tail, prefix, sawBoundary || (a.wordBoundary && prefix === ''), depth + 1);
    else if (a.kind === 'group') for (const alt of a.alts) walk([...alt, ...again], prefix, sawBoundary, depth + 1);
    else {
      if (prefix === '') {
        // the first character must sit right after \b and be a word character
        if (!sawBoundary || a.chars.some((c) => !WORD.test(c))) {
          ok = false;
          return;
        }
      }
      const seen = new Set<string>();
      for (const c of a.chars) {
        const lc = SPACE_LIKE.test(c) ? ANY_OTHER : c.toLowerCase();
        if (seen.has(lc)) continue;
        seen.add(lc);
        walk(again, prefix + lc, sawBoundary, depth + 1);
      }
    }
  };
  for (const alt of alts) walk(alt, '', false);
  return ok ? out : undefined;
}

/**
 * Code of one text character as the prefixes spell it, in 7 bits: ASCII lower case, every
 * space \s matches as 1, any other non-ASCII character as 0 (the prefixes hold neither 0 nor
 * non-ASCII characters, so it matches nothing). Classified once per code unit.
 */
const folded = new Int8Array(65536).fill(-1);
function foldCode(c: number): number {
  if (c < 128) {
    if (c >= 65 && c <= 90) return c | 32;
    return c === 9 || c === 10 || c === 11 || c === 12 || c === 13 || c === 32 ? 1 : c;
  }
  let f = folded[c];
  if (f < 0) {
    f = SPACE_LIKE.test(String.fromCharCode(c)) ? 1 : 0;
    folded[c] = f;
  }
  return f;
}
const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const codeOf = (s: string) => s.charCodeAt(0);
/** three 7-bit codes in one small integer (a Smi: no boxing in the Map lookup) */
const key3 = (a: number, b: number, c: number) => (a << 14) | (b << 7) | c;

/**
 * A prefilter over a list of patterns (at most 30): `possible(text)` has bit k set when pattern
 * k may match `text`; patterns that do not qualify have their bit always set.
 */
export function wordStartFilter(patterns: readonly RegExp[]): { possible(text: string): number; always: number } {
  if (patterns.length > 30) throw new Error('wordStartFilter: at most 30 patterns');
  const masks = new Map<number, number>();
  let always = 0;
  patterns.forEach((re, k) => {
    const prefixes = wordPrefixes(re);
    if (!prefixes) {
      always |= 1 << k;
      return;
    }
    for (const p of prefixes) {
      const key = key3(codeOf(p[0]), codeOf(p[1]), codeOf(p[2]));
      masks.set(key, (masks.get(key) ?? 0) | (1 << k));
    }
  });
  return {
    always,
    possible(text: string): number {
      let bits = always;
      const n = text.length - 2;
      let prevWord = false;
      for (let p = 0; p < n; p++) {
        const c = text.charCodeAt(p);
        const word = isWordCode(c);
        if (word && !prevWord) {
          const m = masks.get(key3(foldCode(c), foldCode(text.charCodeAt(p + 1)), foldCode(text.charCodeAt(p + 2))));
          if (m !== undefined) bits |= m;
        }
        prevWord = word;
      }
      return bits;
    },
  };
}
