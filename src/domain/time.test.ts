import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, formatUtc, isValidTimeZone, parseTime, TimeParseError, tzOffsetMs } from './time.js';

const DAMASCUS = 'Asia/Damascus';

describe('parseTime', () => {
  it('reads the nationwide ceasefire start, 00:00 30 Dec 2016 Damascus time, as 22:00Z the day before', () => {
    const t = parseTime('2016-12-30', DAMASCUS);
    expect(formatUtc(t.start)).toBe('2016-12-29T22:00Z');
    expect(t.end - t.start).toBe(DAY_MS);
    expect(t.precision).toBe('day');
  });
  it('uses summer time (UTC+3) in September 2018', () => {
    expect(formatUtc(parseTime('2018-09-17', DAMASCUS).start)).toBe('2018-09-16T21:00Z');
    expect(formatUtc(parseTime('2018-09-17T00:00', DAMASCUS).start)).toBe('2018-09-16T21:00Z');
  });
  it('honours an explicit offset over the zone', () => {
    const t = parseTime('2016-12-30T14:10+02:00', 'UTC');
    expect(formatUtc(t.start)).toBe('2016-12-30T12:10Z');
    expect(t.end).toBe(t.start);
  });
  it('gives months and years their local bounds', () => {
    const m = parseTime('2016-12', DAMASCUS);
    expect(formatUtc(m.start)).toBe('2016-11-30T22:00Z');
    expect(formatUtc(m.end)).toBe('2016-12-31T22:00Z');
    const y = parseTime('2016', 'UTC');
    expect(y.end - y.start).toBe(366 * DAY_MS);
  });
  it('rejects impossible calendar dates and garbage with a message', () => {
    expect(() => parseTime('2017-02-29', 'UTC')).toThrow(TimeParseError);
    expect(() => parseTime('2017-13', 'UTC')).toThrow(/month/);
    expect(() => parseTime('yesterday', 'UTC')).toThrow(/ISO 8601/);
  });
  it('knows IANA zones', () => {
    expect(isValidTimeZone(DAMASCUS)).toBe(true);
    expect(isValidTimeZone('Asia/Damscus')).toBe(false);
  });
});

describe('parseTime properties', () => {
  const zones = fc.constantFrom('UTC', DAMASCUS, 'Europe/Istanbul', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham');
  const day = fc.record({ y: fc.integer({ min: 1990, max: 2035 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
  const iso = ({ y, m, d }: { y: number; m: number; d: number }) =>
    `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

  it('a day interval starts at local midnight and lasts 23 to 25 hours', () => {
    fc.assert(
      fc.property(day, zones, (dd, tz) => {
        const t = parseTime(iso(dd), tz);
        const len = t.end - t.start;
        expect(len).toBeGreaterThanOrEqual(23 * 3_600_000);
        expect(len).toBeLessThanOrEqual(25 * 3_600_000);
        // the first instant of the local date: where summer time starts at midnight (Damascus,
        // 1 April 1994) the clock jumps from 00:00 to 01:00, so the day's first instant reads 01:00
        const local = new Date(t.start + tzOffsetMs(tz, t.start));
        expect(local.getUTCDate()).toBe(dd.d);
        expect(local.getUTCHours() * 60 + local.getUTCMinutes()).toBeLessThanOrEqual(60);
        const before = new Date(t.start - 1 + tzOffsetMs(tz, t.start - 1));
        expect(before.getUTCDate()).not.toBe(dd.d);
      }),
    );
  });
  it('a day whose midnight is skipped by summer time starts at its first instant (Damascus, 1994-04-01)', () => {
    const t = parseTime('1994-04-01', DAMASCUS);
    expect(new Date(t.start).toISOString()).toBe('1994-03-31T22:00:00.000Z');
    expect(t.end - t.start).toBe(23 * 3_600_000);
  });
  it('consecutive days tile time without gaps or overlaps', () => {
    fc.assert(
      fc.property(day, zones, (dd, tz) => {
        const a = parseTime(iso(dd), tz);
        const next = new Date(Date.UTC(dd.y, dd.m - 1, dd.d + 1));
        const b = parseTime(iso({ y: next.getUTCFullYear(), m: next.getUTCMonth() + 1, d: next.getUTCDate() }), tz);
        expect(b.start).toBe(a.end);
      }),
    );
  });
  it('a day lies inside its month, and the month inside its year', () => {
    fc.assert(
      fc.property(day, zones, (dd, tz) => {
        const d = parseTime(iso(dd), tz);
        const m = parseTime(iso(dd).slice(0, 7), tz);
        const y = parseTime(String(dd.y), tz);
        expect(m.start <= d.start && d.end <= m.end).toBe(true);
        expect(y.start <= m.start && m.end <= y.end).toBe(true);
      }),
    );
  });
});
