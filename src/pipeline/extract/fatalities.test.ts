import { describe, expect, it } from 'vitest';
import { findFatalities } from './fatalities.js';
import { parseNumber } from './numbers.js';

const f = (s: string) => findFatalities(s, 0);

describe('parseNumber', () => {
  it('reads digits, words and the ACLED vague quantities', () => {
    expect(parseNumber('1,200')).toBe(1200);
    expect(parseNumber('twenty-two')).toBe(22);
    expect(parseNumber('dozens')).toBe(12);
    expect(parseNumber('several')).toBe(10);
    expect(parseNumber('three hundred')).toBe(300);
    expect(parseNumber('banana')).toBeUndefined();
  });
});

describe('findFatalities', () => {
  it('takes total, civilians and children', () => {
    expect(f('The strike killed at least 12 civilians, including five children.')).toMatchObject({ total: 12, civilians: 12, children: 5 });
  });
  it('reads number words and "dozens" = 12', () => {
    expect(f('Twenty-two people were killed.')?.total).toBe(22);
    expect(f('Dozens were killed in the blast.')?.total).toBe(12);
  });
  it('keeps a range as low/high with the lowest as total', () => {
    expect(f('Between 10 and 15 fighters died in the clashes.')).toMatchObject({ total: 10, low: 10, high: 15 });
  });
  it('never counts the wounded', () => {
    expect(f('Twelve people were wounded in the shelling.')).toBeUndefined();
  });
  it('ignores a superseded toll and a year', () => {
    expect(f('At least 126 people were killed, updating a previous toll of 112.')?.total).toBe(126);
    expect(f('23 May 2014 Syrian troops killed 32 rebels.')?.total).toBe(32);
  });
  it('marks toll updates', () => {
    expect(f('The death toll rose to 86.')).toMatchObject({ total: 86, update: true });
  });
  it('gives evidence spans that quote the sentence', () => {
    const s = 'Shelling killed three people in Aleppo.';
    const r = f(s);
    for (const e of r?.evidence ?? []) expect(s.slice(e.start, e.end)).toBe(e.text);
  });
});
