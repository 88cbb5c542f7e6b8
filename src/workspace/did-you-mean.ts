/**
 * "Did you mean `x`?" suggestions for misspelt keys and ids.
 *
 * Distance is the optimal string alignment variant of Damerau-Levenshtein (insertions, deletions,
 * substitutions and transpositions of adjacent characters each cost 1); see
 * https://en.wikipedia.org/wiki/Damerau%E2%80%93Levenshtein_distance#Optimal_string_alignment_distance
 */

export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  // three rolling rows: i-2, i-1, i
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
}

/**
 * The closest candidate, if it is close enough to be a plausible typo: at most a third of the
 * word's length (at least 1, at most 3 edits), or the same word up to case and separators.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_ .]/g, '');
  const w = norm(word);
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    if (c === word) continue;
    const d = norm(c) === w ? 0 : editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      best = c;
      bestD = d;
    }
  }
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  if (bestD <= limit) return best;
  // a truncated or extended word (`alias` for `aliases`) is a typo too
  if (w.length >= 4) {
    const prefixed = [...candidates].filter((c) => c !== word && (norm(c).startsWith(w) || w.startsWith(norm(c))));
    if (prefixed.length === 1) return prefixed[0];
  }
  return undefined;
}

/** ` (did you mean `x`?)` or the empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c === undefined ? '' : `; did you mean \`${c}\`?`;
}
