/**
 * Property: whatever a place is called (random transliteration-like words, with or without an
 * article joined by a hyphen or space, any case of the first letter), when its name appears in a
 * sentence findMentions reports exactly that span, and lookup of the name returns the place.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGazetteer } from '../../src/pipeline/resolve/gazetteer.js';
import type { Place } from '../../src/pipeline/resolve/gazetteer-types.js';

const syllable = fc.constantFrom('ka', 'fr', 'na', 'bl', 'ma', 'ar', 'rat', 'nu', 'man', 'dei', 'zor', 'qa', 'lat', 'sha', 'ykh', 'un', 'ta');
const word = fc
  .array(syllable, { minLength: 2, maxLength: 4 })
  .map((s) => s.join(''))
  .map((w) => w[0].toUpperCase() + w.slice(1));
const name = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.constantFrom('', 'al-', 'Al ', 'ash-', 'el-'))
  .map(([words, article]) => (words.length > 1 ? [words[0], article + words[1], ...words.slice(2)] : [article + words[0]]).join(' '));

describe('findMentions (property)', () => {
  it('finds a place name wherever it stands in a sentence', () => {
    fc.assert(
      fc.property(name, fc.constantFrom('Shelling hit ', 'In ', 'Residents of '), fc.constantFrom(' on Monday.', ', a town.', ''), (n, before, after) => {
        const place: Place = {
          id: 'x', name: n, names: [n], names_ar: [], kind: 'village', lat: 35, lon: 37, precision_km: 1,
          adm1: 'SY07', adm2: null, adm3: null, sources: ['test'],
        };
        const g = createGazetteer([place]);
        const text = before + n + after;
        const ms = g.findMentions(text);
        expect(ms.map((m) => m.text)).toEqual([n]);
        expect(ms[0].start).toBe(before.length);
        expect(g.lookup(n)[0]?.id).toBe('x');
        expect(g.lookup(n.toUpperCase())[0]?.id).toBe('x');
      }),
      { numRuns: 300, seed: 4 },
    );
  });
});
