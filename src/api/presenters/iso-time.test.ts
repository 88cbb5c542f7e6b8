import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../bench/mulberry32.lib.js';
import { isoInstant } from './iso-time.js';

describe('isoInstant', () => {
  it('writes what Date#toISOString writes, over years 0000-9999 and beyond', () => {
    const rand = mulberry32(17);
    const lo = Date.parse('0000-01-01T00:00:00.000Z');
    const hi = Date.parse('9999-12-31T23:59:59.999Z');
    const edges = [
      lo,
      hi,
      lo - 1,
      hi + 1,
      0,
      -1,
      951_782_400_000,
      951_868_799_999,
      4_107_542_400_000,
      -2_208_988_800_001,
    ];
    for (const ms of edges) expect(isoInstant(ms), String(ms)).toBe(new Date(ms).toISOString());
    for (let i = 0; i < 50_000; i++) {
      const ms = Math.floor(lo + rand() * (hi - lo));
      expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
    }
    // days around leap days and century years, to the millisecond
    for (const y of [1600, 1700, 1900, 2000, 2016, 2100, 2400]) {
      for (let d = -2; d <= 2; d++) {
        const ms = Date.UTC(y, 2, 1) + d * 86_400_000 - 1;
        expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
      }
    }
  });
});
