import { describe, expect, it } from 'vitest';
import { findDates } from './dates.js';

// 2016-12-28 is a Wednesday; noon UTC is 14:00 in Damascus
const ctx = { ref: new Date('2016-12-28T12:00:00Z'), tz: 'Asia/Damascus' };
const one = (s: string) => findDates(s, 0, ctx)[0];

describe('findDates', () => {
  it('reads a bare weekday as the one just gone in a past-tense report', () => {
    expect(one('Warplanes struck the town on Tuesday.')?.when).toBe('2016-12-27');
    expect(one('Warplanes struck the town on Thursday.')?.when).toBe('2016-12-22');
  });
  it('reads a weekday as the next one when the sentence looks ahead', () => {
    expect(one('The truce will begin on Thursday.')?.when).toBe('2016-12-29');
  });
  it('turns "Thursday, Dec. 28/9, at midnight local time (22:00 GMT)" into the instant', () => {
    const d = one('The ceasefire begins Thursday, Dec. 28/9, at midnight local time (22:00 GMT).');
    expect(d?.when).toBe('2016-12-29T22:00Z');
    expect(d?.precision).toBe('instant');
  });
  it('keeps "Dec. 28/9" as a two-day range without a weekday', () => {
    const d = one('Clashes broke out on Dec. 28/9 near the town.');
    expect(d?.range).toEqual({ from: '2016-12-28', to: '2016-12-29' });
    expect(d?.when).toBe('2016-12');
  });
  it('makes "last week" the previous Monday..Sunday, written as its month', () => {
    const d = one('Regime forces shelled the area last week.');
    expect(d?.range).toEqual({ from: '2016-12-19', to: '2016-12-25' });
    expect(d?.when).toBe('2016-12');
    expect(d?.precision).toBe('week');
  });
  it('makes "during the week" the current week up to the report', () => {
    expect(one('During the week, fighting continued.')?.range).toEqual({ from: '2016-12-26', to: '2016-12-28' });
  });
  it('keeps ranges of days', () => {
    const d = one('Fighting raged from 12 to 14 December.');
    expect(d?.range).toEqual({ from: '2016-12-12', to: '2016-12-14' });
  });
  it('puts a month-day without a year in the past', () => {
    expect(one('The attack on 27 February killed four.')?.when).toBe('2016-02-27');
  });
  it('reads possessive weekdays ("Saturdays blast")', () => {
    expect(one('Saturdays blast hit a convoy.')?.when).toBe('2016-12-24');
  });
  it('skips sentences without a date cue', () => {
    expect(findDates('Warplanes struck the town.', 0, ctx)).toEqual([]);
  });
  it('reports absolute offsets', () => {
    const d = findDates('xx on Monday', 100, ctx)[0];
    expect([d.start, d.end]).toEqual([103, 112]);
  });
});
