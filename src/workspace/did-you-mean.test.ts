import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from './did-you-mean.js';

describe('editDistance (optimal string alignment)', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions as 1', () => {
    expect(editDistance('wher', 'where')).toBe(1);
    expect(editDistance('untill', 'until')).toBe(1);
    expect(editDistance('form', 'from')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('ca', 'abc')).toBe(3); // OSA, unlike true Damerau-Levenshtein (2)
  });
  it('is a symmetric distance that is zero only for equal strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});

describe('closest', () => {
  const keys = ['id', 'title', 'country', 'in_force', 'tz', 'parties', 'zones', 'rules', 'aliases'];
  it('suggests a plausible typo and nothing for an unrelated word', () => {
    expect(closest('titel', keys)).toBe('title');
    expect(closest('infrce', keys)).toBe('in_force');
    expect(closest('alias', keys)).toBe('aliases');
    expect(closest('banana', keys)).toBeUndefined();
    expect(closest('x', keys)).toBeUndefined();
  });
  it('treats case and separators as equal', () => {
    expect(closest('IN-FORCE', keys)).toBe('in_force');
  });
  it('formats the hint', () => {
    expect(didYouMean('zonez', keys)).toBe('; did you mean `zones`?');
    expect(didYouMean('zzzzzz', keys)).toBe('');
  });
});
