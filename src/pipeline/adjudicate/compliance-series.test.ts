import { describe, expect, it } from 'vitest';
import { type ComplianceRow, complianceSeries, nextPeriod, periodOf, previousPeriod } from './compliance-series.js';

const row = (over: Partial<ComplianceRow>): ComplianceRow => ({
  incident: 'i',
  agreement: 'a',
  verdict: 'violation',
  party: 'p',
  answerable: 'g',
  zone: 'a/z',
  time: Date.UTC(2018, 9, 10, 12),
  fatalities: null,
  ...over,
});

describe('periods', () => {
  it('labels days, ISO weeks and months in the time zone', () => {
    // 2018-10-14T22:30Z is already Monday 15 October in Damascus (UTC+3)
    const t = Date.UTC(2018, 9, 14, 22, 30);
    expect(periodOf(t, 'day', 'UTC')).toBe('2018-10-14');
    expect(periodOf(t, 'day', 'Asia/Damascus')).toBe('2018-10-15');
    expect(periodOf(t, 'week', 'UTC')).toBe('2018-W41');
    expect(periodOf(t, 'week', 'Asia/Damascus')).toBe('2018-W42');
    expect(periodOf(Date.UTC(2018, 11, 31, 22, 30), 'month', 'Asia/Damascus')).toBe('2019-01');
  });
  it('follows ISO week years across New Year', () => {
    expect(periodOf(Date.UTC(2021, 0, 3), 'week', 'UTC')).toBe('2020-W53');
    expect(periodOf(Date.UTC(2019, 11, 30), 'week', 'UTC')).toBe('2020-W01');
    expect(previousPeriod('2021-W01', 'week')).toBe('2020-W53');
    expect(previousPeriod('2020-W01', 'week')).toBe('2019-W52');
    expect(nextPeriod('2020-W53', 'week')).toBe('2021-W01');
    expect(nextPeriod('2018-W41', 'week')).toBe('2018-W42');
  });
  it('steps days and months', () => {
    expect(previousPeriod('2019-03-01', 'day')).toBe('2019-02-28');
    expect(nextPeriod('2020-02-28', 'day')).toBe('2020-02-29');
    expect(previousPeriod('2019-01', 'month')).toBe('2018-12');
    expect(nextPeriod('2018-12', 'month')).toBe('2019-01');
  });
});

describe('complianceSeries', () => {
  it('counts per period and group, with the change from the previous period and the drop to zero', () => {
    const day = (d: number) => Date.UTC(2018, 9, d, 12);
    const rows = [
      row({ incident: 'a', time: day(1), fatalities: 3 }),
      row({ incident: 'a', agreement: 'b', time: day(1), fatalities: 3 }), // same incident, second agreement
      row({ incident: 'b', time: day(1), verdict: 'undetermined' }),
      row({ incident: 'c', time: day(2), fatalities: 1 }),
      row({ incident: 'd', time: day(2), verdict: 'permitted', party: 'q' }),
      row({ incident: 'e', time: day(2), verdict: 'not_applicable' }),
    ];
    const s = complianceSeries(rows, { by: 'day', group: 'party', tz: 'UTC' });
    expect(s.map((r) => [r.period, r.group, r.violations, r.undetermined, r.permitted, r.fatalities])).toEqual([
      ['2018-10-01', 'p', 2, 1, 0, 3],
      ['2018-10-02', 'p', 1, 0, 0, 1],
      ['2018-10-02', 'q', 0, 0, 1, 0],
    ]);
    expect(s[1].delta).toEqual({ violations: -1, undetermined: -1, permitted: 0, fatalities: -2 });
  });
  it('groups by guarantor, zone and agreement', () => {
    const rows = [row({ answerable: null }), row({ zone: null, agreement: 'x' })];
    expect(complianceSeries(rows, { by: 'month', group: 'guarantor' }).map((r) => r.group)).toEqual(['(none)', 'g']);
    expect(complianceSeries(rows, { by: 'month', group: 'zone' }).map((r) => r.group)).toEqual(['(none)', 'a/z']);
    expect(complianceSeries(rows, { by: 'month', group: 'agreement' }).map((r) => r.group)).toEqual(['a', 'x']);
  });
});
