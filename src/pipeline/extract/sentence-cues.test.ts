/**
 * The word-start prefilter must be sound (a pattern whose bit is clear cannot match), and
 * trigger classification behind it must equal `classify` exactly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASUALTY_CUE, classify, TYPE_TRIGGERS } from './event-types.js';
import { segmentBlocks, splitSentences } from './segment.js';
import { wordPrefixes, wordStartFilter } from './sentence-cues.js';
import { classifyWithCues, cueFilter } from './trigger-cues.js';

const EXTRA = [
  CASUALTY_CUE,
  /\b(?:since (?:the (?:start|war)|20\d\d)|(?:war|conflict)(?:'s)? (?:death )?toll)/i,
  /\b(?:denied|deny|no truth)\b/i,
  /\b(?:sa(?:id|ys?)|according|quoted)/i,
];

describe('wordPrefixes', () => {
  it('lists the first three characters of every match', () => {
    expect([...(wordPrefixes(/\b(?:kill(?:s|ed)?|died|air[- ]?raids?)\b/i) ?? [])].sort()).toEqual([
      'air',
      'die',
      'kil',
    ]);
    expect([...(wordPrefixes(/\b(?:u\.s\.|a[bc]d?e)/gi) ?? [])].sort()).toEqual(['abd', 'abe', 'acd', 'ace', 'u.s']);
    // \s folds every space, Unicode ones too, to one code
    expect(wordPrefixes(/\bX\sy/i)?.size).toBe(1);
  });
  it('gives up (always possible) on what it cannot prove', () => {
    expect(wordPrefixes(/kill/i)).toBeUndefined(); // no \b: may start inside a word
    expect(wordPrefixes(/\bkill/u)).toBeUndefined(); // flags other than i/g
    expect(wordPrefixes(/\bkill/)).toBeUndefined(); // case-sensitive: not lower-cased text
    expect(wordPrefixes(/\b(?:if|when)\b/i)).toBeUndefined(); // a match shorter than three
    expect(wordPrefixes(/\bk.ll/i)).toBeUndefined(); // dot
    expect(wordPrefixes(/\b[^a]xx/i)).toBeUndefined(); // negated class
    expect(wordPrefixes(/\b-xx/i)).toBeUndefined(); // \b before a non-word character
    expect(wordPrefixes(/(?:\b)?xyz/i)).toBeUndefined(); // \b optional
    expect(wordPrefixes(/\b(?:a?)*bcd/i)).toBeUndefined(); // empty repetition: no endless walk
  });
});

const patterns = [...TYPE_TRIGGERS.map((t) => t.re), ...EXTRA];
const WORDS = [
  'killed',
  'Killing',
  'KILLS',
  'died',
  'air strike',
  'Air-raid',
  'airstrikes',
  'shelling',
  'barrel bombs',
  'chlorine',
  'suicide car-bomb',
  'clashes',
  'U.S.-led',
  'Russian strikes',
  'rockets',
  'since 2011',
  "war's toll",
  'denied',
  'said',
  'according to',
  'kidnapped',
  'protesters',
  'looted',
  'the',
  'of',
  'village',
  'Idlib',
  '12',
  'al-Bab',
  'ſ',
  'K',
  'İ',
  'é',
  '\u00a0',
  '\u2009',
  '\u2028',
  '-',
  ',',
  '.',
  '"',
  '’',
  '_',
  'x',
];

describe('wordStartFilter', () => {
  const filter = wordStartFilter(patterns);
  it('is sound: a pattern that matches always has its bit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), { maxLength: 30 }),
        fc.constantFrom('', ' ', '-', '\u00a0'),
        (parts, sep) => {
          const text = parts.join(sep);
          const bits = filter.possible(text);
          patterns.forEach((re, k) => {
            if (re.test(text)) expect(bits & (1 << k)).not.toBe(0);
          });
        },
      ),
      { numRuns: 3000, seed: 7 },
    );
  });
});

/** every sentence of the extraction fixtures and the gold corpora */
function corpusSentences(): string[] {
  const root = new URL('../../../test/', import.meta.url).pathname;
  const texts: string[] = [];
  for (const f of readdirSync(`${root}extract/in`)) texts.push(readFileSync(`${root}extract/in/${f}`, 'utf8'));
  for (const f of readdirSync(`${root}gold`).filter((x) => x.endsWith('.jsonl') && !x.includes('labels'))) {
    for (const line of readFileSync(`${root}gold/${f}`, 'utf8').split('\n'))
      if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
  }
  return texts.flatMap((t) => splitSentences(t, segmentBlocks(t)).map((s) => s.text));
}

describe('classifyWithCues', () => {
  const filter = cueFilter(EXTRA);
  it('equals classify on every sentence of the fixtures and the gold corpora', () => {
    const sentences = corpusSentences();
    expect(sentences.length).toBeGreaterThan(5000);
    let triggered = 0;
    for (const s of sentences) {
      const want = classify(s);
      if (want) triggered++;
      expect(classifyWithCues(s, filter.possible(s))).toEqual(want);
    }
    expect(triggered).toBeGreaterThan(1000);
  });
  it('equals classify on random compositions', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 25 }), (parts) => {
        const s = parts.join(' ');
        expect(classifyWithCues(s, filter.possible(s))).toEqual(classify(s));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});
