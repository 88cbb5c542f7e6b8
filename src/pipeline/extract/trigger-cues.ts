/**
 * Event-trigger classification behind the word-start prefilter (sentence-cues.ts): the same
 * answer as `classify` in event-types.ts, but the ranked patterns run only where the filter
 * leaves them possible, and the union pass is not needed. Most sentences of a report carry no
 * trigger word at all; those that do usually carry one or two, so one or two patterns run instead
 * of the fifteen-way union and then the ranked list. test: trigger-cues.test.ts checks it equals
 * `classify` on every sentence of the fixtures, the gold corpora and synthetic news.
 */
import { classify, TYPE_TRIGGERS } from './event-types.js';
import { wordStartFilter } from './sentence-cues.js';

/** The prefilter's patterns: the ranked triggers first (bit k = TYPE_TRIGGERS[k]), then `extra`. */
export function cueFilter(extra: readonly RegExp[]): { possible(text: string): number } {
  const patterns = [...TYPE_TRIGGERS.map((t) => t.re), ...extra];
  // more patterns than bits in a mask: every bit always set, i.e. no filtering
  if (patterns.length > 30) return { possible: () => -1 };
  return wordStartFilter(patterns);
}

/** Bit of `extra[i]` in the masks of a filter made by cueFilter. */
export const extraBit = (i: number): number => 1 << (TYPE_TRIGGERS.length + i);

// a global pattern carries state between exec calls: skipping a call would change later answers
const stateful = TYPE_TRIGGERS.some((t) => t.re.global || t.re.sticky);

/** `classify(sentence)`, given the cue bits of a filter made by cueFilter over the same sentence. */
export function classifyWithCues(sentence: string, bits: number): ReturnType<typeof classify> {
  if (stateful) return classify(sentence);
  let best: { type: string; start: number; end: number; text: string; rank: number } | undefined;
  for (let k = 0; k < TYPE_TRIGGERS.length; k++) {
    const t = TYPE_TRIGGERS[k];
    if (best && t.rank <= best.rank) break;
    if ((bits & (1 << k)) === 0) continue; // cannot match: exec would return null
    const m = t.re.exec(sentence);
    if (m) best = { type: t.type, start: m.index, end: m.index + m[0].length, text: m[0], rank: t.rank };
  }
  return best && { type: best.type, start: best.start, end: best.end, text: best.text };
}
