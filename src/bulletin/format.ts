/**
 * Words and numbers shared by the Markdown and HTML renderers, so both formats say the same thing.
 */
import type { CountRow, DayCount, ObligationRow } from './model.js';

/** "+3", "−2", "±0": the change from the day before. */
export function delta(c: DayCount): string {
  const d = c.today - c.previous;
  return d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '±0';
}

/** "12 (9)": today with the day before in parentheses. */
export function pair(c: DayCount): string {
  return `${c.today} (${c.previous})`;
}

export function humanType(type: string): string {
  return type.replace(/_/g, ' ');
}

export function daysText(o: ObligationRow): string {
  if (o.days === null) return 'no deadline';
  if (o.days === 0) return 'due within a day';
  if (o.days > 0) return `${o.days} day${o.days === 1 ? '' : 's'} left`;
  return `${-o.days} day${o.days === -1 ? '' : 's'} overdue`;
}

export function hasActivity(r: CountRow): boolean {
  return r.violations.today + r.violations.previous + r.undetermined.today + r.undetermined.previous > 0;
}

/** base64 of a UTF-8 string, for data: URIs (Buffer in Node, btoa elsewhere). */
export function base64Utf8(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}
