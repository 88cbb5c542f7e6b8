/**
 * Fast, memoised time parsing for the adjudicator. `parseTime` (domain/time.ts) is the reference:
 * every result here equals it (a property test checks). The speed-up: instants with an explicit
 * offset need no time-zone database at all; local times reuse the zone's UTC offset per hour (an
 * offset is constant over an hour unless a transition falls inside it, which is checked); and
 * partial dates repeat so often in real data that a small memo answers most of them.
 */
import { parseTime, type TimeInterval, tzOffsetMs } from '../../domain/time.js';

const HOUR = 3_600_000;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

const boundaryMemo = new Map<string, number>();

/** parseBoundary with a memo: the first instant a workspace time denotes. */
export function boundaryAt(value: string | Date, tz: string): number {
  if (value instanceof Date) return value.getTime();
  const key = `${tz}\u0000${value}`;
  let t = boundaryMemo.get(key);
  if (t === undefined) {
    t = parseTime(value, tz).start;
    boundaryMemo.set(key, t);
  }
  return t;
}

/** The end of a deadline written as a date: the day (month, year) it names has passed. */
export function deadlineAt(value: string | Date, tz: string): number {
  if (value instanceof Date) return value.getTime();
  const i = parseTime(value, tz);
  return i.precision === 'instant' ? i.start : i.end;
}

/** Parses incident `when` strings for one time zone, with memos. */
export class WhenParser {
  private readonly tz: string;
  private readonly partial = new Map<string, TimeInterval>();
  private readonly hourOffset = new Map<number, number>();

  constructor(tz: string) {
    this.tz = tz;
  }

  /** Writes [start, end) into out[0], out[1]; end === start for an instant. Throws like parseTime. */
  parse(when: string, out: Float64Array | number[]): void {
    const w = when.trim();
    const m = INSTANT.exec(w);
    // the common case, validated cheaply; calendar edges (day > 28, 24:00, leap seconds) go to parseTime
    if (
      m &&
      +m[2] >= 1 &&
      +m[2] <= 12 &&
      +m[3] >= 1 &&
      +m[3] <= 28 &&
      +m[4] <= 23 &&
      +m[5] <= 59 &&
      (m[6] === undefined || +m[6] <= 59)
    ) {
      const frac = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
      const zone = m[8];
      const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0);
      let t: number;
      if (zone === undefined) {
        // as domain/time.ts localToUtc: two passes resolve the offset at the target instant
        const guess = wall - this.offsetAt(wall);
        t = wall - this.offsetAt(guess) + frac;
      } else if (zone === 'Z') {
        t = wall + frac;
      } else {
        const sign = zone[0] === '-' ? -1 : 1;
        const digits = zone.slice(1).replace(':', '');
        t = wall + frac - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
      }
      out[0] = t;
      out[1] = t;
      return;
    }
    let iv = this.partial.get(w);
    if (!iv) {
      iv = parseTime(w, this.tz);
      if (this.partial.size > 100_000) this.partial.clear();
      this.partial.set(w, iv);
    }
    out[0] = iv.start;
    out[1] = iv.end;
  }

  /** The zone's offset at `utcMs`, reused within an hour when the hour holds no transition. */
  private readonly offsetAt = (utcMs: number): number => {
    const h = Math.floor(utcMs / HOUR);
    let off = this.hourOffset.get(h);
    if (off === undefined) {
      const a = tzOffsetMs(this.tz, h * HOUR);
      const b = tzOffsetMs(this.tz, (h + 1) * HOUR - 1000);
      off = a === b ? a : Number.NaN;
      if (this.hourOffset.size > 200_000) this.hourOffset.clear();
      this.hourOffset.set(h, off);
    }
    return Number.isNaN(off) ? tzOffsetMs(this.tz, utcMs) : off;
  };
}
