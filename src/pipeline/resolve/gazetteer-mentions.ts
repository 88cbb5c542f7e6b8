/**
 * Finding place names in running text. The text is tokenised once (gazetteer-text.ts); at each
 * token the longest phrase of the index that starts there is taken (greedy longest match, left to
 * right, on word boundaries), looked up in a hash of normalised n-grams: the index maps every key
 * to its places and every first token to the longest key starting with it, so a token that begins
 * no name costs one Map lookup. Linear in the text. Arabic tokens may carry the clitics wa-/bi-/li-.
 */
import { arabicStems, tokenize } from './gazetteer-text.js';

export interface RawMention {
  start: number;
  end: number;
  key: string;
}

export interface MentionIndex {
  /** key -> something (the gazetteer's entries) */
  has(key: string): boolean;
  /** first token -> greatest number of tokens of a key that starts with it */
  firstTokens: Map<string, number>;
  /** keys that may only match with a capitalised (or Arabic) token in the span */
  allowed(key: string, properSpan: boolean, tokens: number): boolean;
}

export function scanMentions(text: string, index: MentionIndex): RawMention[] {
  const all = tokenize(text);
  // Articles are skipped as normalizeName skips them, but a mention starts at an article joined
  // to it: "al-Bab" and "Al Bab" are reported whole; "as" in "as Hama" is English and left out.
  const toks = [];
  let article: { start: number; end: number; norm: string } | null = null;
  for (const t of all) {
    if (t.article) {
      article = t;
      continue;
    }
    const gap = article ? text.slice(article.end, t.start) : '';
    const joined = article !== null && (/^[-‐]$/.test(gap) || (/^\s$/.test(gap) && (article.norm === 'al' || article.norm === 'el')));
    toks.push({ ...t, from: joined && article ? article.start : t.start });
    article = null;
  }
  const out: RawMention[] = [];
  for (let i = 0; i < toks.length; ) {
    const heads = [toks[i].norm, ...arabicStems(toks[i].norm)];
    let bestLen = 0;
    let bestKey = '';
    for (const head of heads) {
      const max = index.firstTokens.get(head);
      if (!max) continue;
      let key = head;
      let proper = toks[i].proper;
      for (let n = 1; n <= max && i + n <= toks.length; n++) {
        if (n > 1) {
          key = `${key} ${toks[i + n - 1].norm}`;
          proper ||= toks[i + n - 1].proper;
        }
        if (n > bestLen && index.has(key) && index.allowed(key, proper, n)) {
          bestLen = n;
          bestKey = key;
        }
      }
    }
    if (bestLen) {
      out.push({ start: toks[i].from, end: toks[i + bestLen - 1].end, key: bestKey });
      i += bestLen;
    } else {
      i++;
    }
  }
  return out;
}
