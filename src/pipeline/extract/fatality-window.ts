/**
 * Tolls whose number is separated from a passive "were killed" by a long subject noun phrase:
 * "At least 50 jihadists from the Islamic State and Al-Nusra Front were killed", "35 civilians
 * mostly schoolchildren and teachers were killed", "At least 23 ISIS (Daesh) militants have
 * been killed". The fixed patterns of fatalities.ts allow one filler word between number and
 * verb; this is a dependency-free subject–verb window instead: from the passive verb, walk back
 * over at most WINDOW words that can stand inside a noun phrase to the nearest number, which is
 * the subject's determiner (the usual chunking approximation of the subject, e.g. Abney 1991,
 * "Parsing by chunks"). A coordinated subject ("45 IS militants and 20 Kurdish fighters had been
 * killed") gives one figure per conjunct.
 */
import { NUMBER_SRC, parseNumber } from './numbers.js';
import { allMatches } from './regex.js';

export interface WindowFigure {
  n: number;
  /** the noun phrase between the number and the verb (its victim noun is read by the caller) */
  phrase: string;
  start: number;
  end: number;
}

const PASSIVE =
  /\b(?:were|have been|had been|has been|was|are)\s+(?:reportedly\s+|also\s+|all\s+|allegedly\s+|later\s+)?(?:killed|executed|slain|martyred)\b/gi;
const HEADLINE_KILLED = /(?<=[A-Z][\w-]* )Killed\b/g;
const WINDOW = 9;
const NUMBER_WORD = new RegExp(`^${NUMBER_SRC}$`, 'i');
/** words that end a subject noun phrase when walking back: verbs, clause links, adverbial prepositions */
const BARRIER =
  /^(?:said|says|say|told|reported|reports|added|claimed|stated|when|after|before|while|that|which|whom|who|whose|where|because|since|during|by|on|at|into|than|if|wounded|injured|killed|dead|died|kill|kills|killing|hit|struck|targeted|is|was|were|are|been|be|has|have|had|it|they|he|she|we|there)$/i;
/** a number followed by one of these is a quantity of something else ("24 hours", "10 km") */
const UNIT =
  /^(?:hours?|days?|weeks?|months?|years?|km|kilometers?|kilometres?|miles?|meters?|metres?|percent|per|%|times|am|pm|o'clock|minutes?|seconds?|tons?|kg|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/i;
const QUANTIFIER =
  /^(?:at|least|more|than|over|nearly|almost|about|around|some|up|to|as|many|roughly|approximately|another)$/i;

/** Figures of `sentence` found by the subject window; offsets relative to the sentence. */
export function windowFigures(sentence: string): WindowFigure[] {
  const out: WindowFigure[] = [];
  const verbs = allMatches(PASSIVE, sentence);
  // a title-case headline drops the auxiliary: "6 ISIS Bombers Killed"
  if (sentence.includes('Killed')) verbs.push(...allMatches(HEADLINE_KILLED, sentence));
  for (const v of verbs) {
    const words = wordsBefore(sentence, v.index);
    const end = v.index + v[0].length;
    let limit = v.index;
    let k = words.length - 1;
    // one conjunct per round: phrase words back to its number; "and" before it starts another
    for (let round = 0; round < 3 && k >= 0; round++) {
      let found: { n: number; first: number; last: number } | undefined;
      for (let taken = 0; k >= 0 && taken <= WINDOW; taken++, k--) {
        const w = words[k].text;
        if (BARRIER.test(w) || /[.;:!?]$/.test(w)) break;
        const num = numberAt(words, k);
        if (num) {
          found = { ...num, last: k };
          break;
        }
      }
      if (!found) break;
      const next = words[found.last + 1];
      // "24 hours", "10 km", a year or a day of the month: not a count
      if ((next && UNIT.test(next.text)) || (found.n >= 1900 && found.n <= 2100)) break;
      // a conjunct's span ends where its phrase does, so the next conjunct's does not overlap it
      let e = limit;
      while (e > 0 && /\s/.test(sentence[e - 1])) e--;
      out.push({
        n: found.n,
        phrase: sentence.slice(words[found.last].end, limit).trim(),
        start: words[found.first].start,
        end: round === 0 ? end : e,
      });
      k = found.first - 1;
      while (k >= 0 && QUANTIFIER.test(words[k].text)) k--;
      if (k < 0 || words[k].text.toLowerCase() !== 'and') break;
      limit = words[k].start;
      k--;
    }
  }
  return out;
}

interface Word {
  start: number;
  end: number;
  text: string;
}
function wordsBefore(s: string, at: number): Word[] {
  const from = Math.max(0, at - 160);
  const out: Word[] = [];
  for (const m of allMatches(/[^\s()[\]"“”]+/g, s.slice(from, at)))
    out.push({ start: from + m.index, end: from + m.index + m[0].length, text: m[0].replace(/,$/, '') });
  return out;
}
/** A number ending at word k (one word, or two: "a dozen", "twenty five", "three hundred"). */
function numberAt(words: Word[], k: number): { n: number; first: number } | undefined {
  const w = words[k].text;
  if (k > 0) {
    const two = `${words[k - 1].text} ${w}`;
    if (NUMBER_WORD.test(two) && !/^\d/.test(w)) {
      const n = parseNumber(two);
      if (n !== undefined) return { n, first: k - 1 };
    }
  }
  if (!NUMBER_WORD.test(w) || /^(?:a few|several|some|many)$/i.test(w)) return undefined;
  const n = parseNumber(w);
  return n === undefined ? undefined : { n, first: k };
}
