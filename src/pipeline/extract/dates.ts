/**
 * Dates and times in report sentences, resolved against the publication date.
 *
 * chrono-node (casual English) does the general parsing; the rules here fix what news needs and
 * chrono gets wrong (measured in docs/ecosystem §1): past bias for bare weekdays and month-days
 * ("on Thursday" in a report is usually the Thursday just gone), "Dec. 28/9" (a night spanning two
 * days), "at midnight" meaning the end of the named day, "(22:00 GMT)" fixing the instant, and
 * vague spans ("last week", "during the week", "earlier this month") kept as intervals rather
 * than faked as days. chrono runs only on sentences with a date cue, one sentence at a time:
 * whole-document parsing is ~25x slower (ecosystem §1).
 */
import * as chrono from 'chrono-node';
import { localToUtc, tzOffsetMs as tzOffsetUncached } from '../../domain/time.js';
import { allMatches } from './regex.js';

// Intl-based offsets cost microseconds each; a report asks for the same few instants again and again
const offsets = new Map<string, number>();
function tzOffsetMs(tz: string, ms: number): number {
  const key = `${tz}|${ms}`;
  let o = offsets.get(key);
  if (o === undefined) {
    o = tzOffsetUncached(tz, ms);
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(key, o);
  }
  return o;
}

export type DatePrecision = 'instant' | 'day' | 'week' | 'range' | 'month' | 'year';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** a formats.md time: instant, day, month or year */
  when: string;
  /** the exact interval when `when` had to be coarsened (a week, a multi-day range), inclusive days */
  range?: { from: string; to: string };
  precision: DatePrecision;
  /** the sentence speaks of the future (a ceasefire "will begin") */
  future: boolean;
  /** not an event date: the report's own dateline, or the day a source spoke ("said on Sunday") */
  role?: 'dateline' | 'report';
}

export interface DateContext {
  /** publication instant, the reference for relative dates */
  ref: Date;
  tz: string;
}

const CUE =
  /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s*\d|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(?:today|yesterday|tonight|tomorrow|midnight|week|month|ago|dawn)\b|\b(?:19|20)\d\d\b|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{1,2}:\d\d/i;
const FUTURE = /\b(?:will|shall|begins?|starts?|to begin|to start|to take effect|comes? into (?:force|effect)|is due|are due|scheduled|planned|set to|next)\b/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const SLASH_DAYS = /\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\/(\d{1,2})\b(?!\/)/gi;
const WEEK = /\b(?:(last|past|previous|this|earlier this)\s+week|during the (?:past |previous )?week|over the (?:past |last )?(?:week|seven days))\b/gi;
const MONTH_REL = /\b(?:(last|this|earlier this|previous|past)\s+month)\b/gi;
const YEAR_ONLY = /\b(?:in|during|since|throughout)\s+((?:19|20)\d\d)\b(?![\s/-]*\d)/gi;
const GMT = /\(?\b(\d{1,2})[:.]?(\d{2})\s*(?:hrs\s*)?(GMT|UTC|Z)\b\)?/i;

const WEEKDAYS = ['sun', 'mon', 'tues', 'wednes', 'thurs', 'fri', 'satur'];
/** what chrono is needed for: digits, months, relative units, clock words */
const HARD_CUE = /\d{1,2}\s*[/.:-]\s*\d|\b(?:19|20)\d\d\b|\d(?:st|nd|rd|th)\b|\d\s*(?:am|pm|a\.m|p\.m|gmt|utc|hrs|h)\b|\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\b|\bmay\s+\d|\d\s+may\b|\b(?:ago|tomorrow|midnight|noon|year|morning|evening|night|dawn|afternoon)\b|\b(?:last|this|next|past|previous)\s+(?!week\b|month\b)\w/i;
/** day ranges ("from 12 to 14 February", "Dec. 28-30") are left to chrono */
const RANGE_CUE = /\d\s*(?:-|–|to|and|until|till|through)\s*\d{1,2}\s*(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\s*(?:-|–|to|until|till|through)\s*\d/i;
const MONTH_WORD = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** "12 March", "March 12th, 2016", "on 5 Sep 2014" (a leading weekday is left to EASY_DATE) */
const DAY_MONTH = new RegExp(
  `\\b(?:on\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD}|${MONTH_WORD.replace('(', '(?:').replace(/^\(\?:/, '(')}\\s+(\\d{1,2})(?:st|nd|rd|th)?)(?:,?\\s+((?:19|20)\\d\\d))?\\b(?![:/.]\\d)`,
  'gi',
);
const EASY_DATE = /\b(?:(?:on|early on|late on|early|late)\s+)?(?:(yesterday|today|tonight)|((mon|tues|wednes|thurs|fri|satur|sun))day(?:'s|’s|s)?)\b/gi;

export function hasDateCue(sentence: string): boolean {
  return CUE.test(sentence);
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (a: Ymd) => `${a.y}-${pad(a.m)}-${pad(a.d)}`;
function addDays(a: Ymd, n: number): Ymd {
  const t = new Date(Date.UTC(a.y, a.m - 1, a.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
function dayDiff(a: Ymd, b: Ymd): number {
  return (Date.UTC(a.y, a.m - 1, a.d) - Date.UTC(b.y, b.m - 1, b.d)) / 86_400_000;
}
/** The coarsest-but-tightest formats.md partial date containing [a, b]: a day, a month or a year. */
function containing(a: Ymd, b: Ymd): string {
  if (a.y === b.y && a.m === b.m && a.d === b.d) return ymd(a);
  if (a.y === b.y && a.m === b.m) return `${a.y}-${pad(a.m)}`;
  if (a.y === b.y) return String(a.y);
  return String(a.y); // spans a new year: the earlier year is the honest best we can write
}
function localYmd(ms: number, tz: string): Ymd {
  const t = new Date(ms + tzOffsetMs(tz, ms));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
function isoWithOffset(ms: number, tz: string): string {
  const off = tzOffsetMs(tz, ms);
  if (off === 0) return `${new Date(ms).toISOString().slice(0, 16)}Z`;
  const local = new Date(ms + off).toISOString().slice(0, 16);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off) / 60_000;
  return `${local}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** Every date mention of one sentence; `base` is the sentence's offset in the report. */
export function findDates(sentence: string, base: number, ctx: DateContext): DateMention[] {
  if (!hasDateCue(sentence)) return [];
  const out: DateMention[] = [];
  const future = FUTURE.test(sentence);
  const today = localYmd(ctx.ref.getTime(), ctx.tz);
  const taken: Array<[number, number]> = [];
  const push = (m: DateMention) => {
    out.push(m);
    taken.push([m.start - base, m.end - base]);
  };
  // literal gates: each pattern below needs a digit, a slash, "week", "month"... (see fatalities.ts)
  const lc = sentence.toLowerCase();
  const digit = /\d/.test(sentence);
  const gmt = digit && /gmt|utc|z\b/.test(lc) ? GMT.exec(sentence) : null;

  // "Dec. 28/9": the night from the 28th to the 29th; a weekday nearby picks the day.
  if (digit && lc.includes('/')) for (const m of allMatches(SLASH_DAYS, sentence)) {
    const month = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1;
    const d1 = Number(m[2]);
    let d2 = Number(m[3]);
    if (d2 < d1 && d2 < 10) d2 = Math.floor(d1 / 10) * 10 + d2;
    if (d2 <= d1 || d2 > 31) continue;
    let y = today.y;
    if (!future && dayDiff({ y, m: month, d: d1 }, today) > 2) y--;
    const a = { y, m: month, d: d1 };
    const b = { y, m: month, d: d2 };
    // a named weekday picks one of the two days
    const wd = /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/i.exec(sentence.slice(Math.max(0, m.index - 25), m.index));
    const idx = wd ? ['sun', 'mon', 'tues', 'wednes', 'thurs', 'fri', 'satur'].indexOf(wd[1].toLowerCase()) : -1;
    const pick = [a, b].find((x) => new Date(Date.UTC(x.y, x.m - 1, x.d)).getUTCDay() === idx);
    const s = wd ? Math.max(0, m.index - 25) + (wd.index ?? 0) : m.index;
    if (pick) {
      push(dayOrMidnight(sentence, s, m.index + m[0].length, pick, base, ctx, future, gmt));
    } else {
      push({ start: base + m.index, end: base + m.index + m[0].length, text: m[0], when: containing(a, b), range: { from: ymd(a), to: ymd(b) }, precision: 'range', future });
    }
  }
  if (lc.includes('week') || lc.includes('seven days')) for (const m of allMatches(WEEK, sentence)) {
    if (overlaps(taken, m.index, m.index + m[0].length)) continue;
    const which = (m[1] ?? '').toLowerCase();
    // ISO weeks start on Monday; "last week" is the previous Monday..Sunday, "during the week"
    // and "this week" the current one up to the publication day, "past week" the 7 days before.
    const dow = (new Date(Date.UTC(today.y, today.m - 1, today.d)).getUTCDay() + 6) % 7;
    let a: Ymd;
    let b: Ymd;
    if (which === 'last' || which === 'previous') {
      a = addDays(today, -dow - 7);
      b = addDays(a, 6);
    } else if (which === 'past' || /past|last|seven/.test(m[0].toLowerCase())) {
      a = addDays(today, -7);
      b = today;
    } else {
      a = addDays(today, -dow);
      b = today;
    }
    push({ start: base + m.index, end: base + m.index + m[0].length, text: m[0], when: containing(a, b), range: { from: ymd(a), to: ymd(b) }, precision: 'week', future });
  }
  if (lc.includes('month')) for (const m of allMatches(MONTH_REL, sentence)) {
    if (overlaps(taken, m.index, m.index + m[0].length)) continue;
    const back = /last|previous|past/i.test(m[1]) ? 1 : 0;
    const t = new Date(Date.UTC(today.y, today.m - 1 - back, 1));
    push({ start: base + m.index, end: base + m.index + m[0].length, text: m[0], when: `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`, precision: 'month', future });
  }
  if (digit) for (const m of allMatches(YEAR_ONLY, sentence)) {
    const s = m.index + m[0].length - m[1].length;
    if (overlaps(taken, s, s + 4)) continue;
    push({ start: base + s, end: base + s + 4, text: m[1], when: m[1], precision: 'year', future });
  }

  // fast path: most news dates are a bare weekday or yesterday/today; chrono is needed only
  // when the sentence has digits, month names or other time words
  const easyDates = /day|tonight/.test(lc) ? allMatches(EASY_DATE, sentence) : [];
  const dayMonths = digit ? allMatches(DAY_MONTH, sentence) : [];
  let masked = sentence;
  for (const m of [...easyDates, ...dayMonths]) masked = masked.slice(0, m.index) + ' '.repeat(m[0].length) + masked.slice((m.index ?? 0) + m[0].length);
  if (!HARD_CUE.test(masked) && !(digit && RANGE_CUE.test(sentence))) {
    for (const m of dayMonths) {
      const s0 = m.index ?? 0;
      const e0 = s0 + m[0].length;
      if (overlaps(taken, s0, e0)) continue;
      const mw = m[2] ?? m[3];
      if (mw === 'may') continue; // the modal verb, not the month
      const month = MONTHS.indexOf(mw.slice(0, 3).toLowerCase()) + 1;
      const day = Number(m[1] ?? m[4]);
      let y = m[5] ? Number(m[5]) : today.y;
      if (day < 1 || day > 31) continue;
      if (!m[5] && !future && dayDiff({ y, m: month, d: day }, today) > 2) y--;
      if (!m[5] && future && dayDiff({ y, m: month, d: day }, today) < -2) y++;
      push(dayOrMidnight(sentence, s0, e0, { y, m: month, d: day }, base, ctx, future, gmt));
    }
    for (const m of easyDates) {
      const s0 = m.index ?? 0;
      const e0 = s0 + m[0].length;
      // "Friday 5 Sep 2014": the weekday only names the date that follows
      if (overlaps(taken, s0, e0) || taken.some(([a]) => a >= e0 && a - e0 <= 3)) continue;
      let d: Ymd;
      const w = m[1]?.toLowerCase();
      if (w === 'yesterday') d = addDays(today, -1);
      else if (w === 'today' || w === 'tonight') d = today;
      else {
        const target = WEEKDAYS.indexOf((m[3] ?? '').toLowerCase());
        const dow = new Date(Date.UTC(today.y, today.m - 1, today.d)).getUTCDay();
        let diff = target - dow;
        if (!future && diff > 0) diff -= 7;
        if (future && diff < 0) diff += 7;
        d = addDays(today, diff);
      }
      push(dayOrMidnight(sentence, s0, e0, d, base, ctx, future, gmt));
    }
    out.sort((a, b) => a.start - b.start);
    return out;
  }
  let results: chrono.ParsedResult[];
  try {
    // "Saturday's raid" / "Saturdays blast" (apostrophes stripped by some feeds): the same length
    // replacement keeps offsets
    const probe = sentence.replace(/\b((?:mon|tues|wednes|thurs|fri|satur|sun)day)(?:'s|’s|s)\b/gi, (m: string, d: string) => d.padEnd(m.length, ' '));
    results = chrono.parse(probe, { instant: ctx.ref, timezone: tzOffsetMs(ctx.tz, ctx.ref.getTime()) / 60_000 });
  } catch {
    return out;
  }
  for (const r of results) {
    let s = r.index;
    const e = r.index + r.text.length;
    while (s < e && sentence[s] === ' ') s++;
    const rtext = sentence.slice(s, e);
    if (overlaps(taken, s, e)) continue;
    if (/^\s*(?:midnight|noon|morning|evening|night|tonight)\s*$/i.test(rtext) || /^\(?\d{1,2}[:.]?\d{2}\s*(?:GMT|UTC)/i.test(rtext)) {
      continue; // a time of day alone belongs to a day mention, handled there
    }
    const c = r.start;
    if (!c.isCertain('day') && !c.isCertain('weekday') && !c.isCertain('month') && !c.isCertain('year')) continue;
    let d: Ymd = { y: c.get('year') ?? today.y, m: c.get('month') ?? 1, d: c.get('day') ?? 1 };
    if (!c.isCertain('day') && c.isCertain('weekday') && !c.isCertain('month')) {
      // bare weekday: chrono picks the nearest one, possibly ahead; reports look back
      if (!future && dayDiff(d, today) > 0) d = addDays(d, -7);
      if (future && dayDiff(d, today) < 0) d = addDays(d, 7);
    } else if (c.isCertain('day') && !c.isCertain('year') && !future && dayDiff(d, today) > 2) {
      d = { ...d, y: d.y - 1 };
    } else if (c.isCertain('month') && !c.isCertain('day')) {
      if (!c.isCertain('year') && !future && (d.y > today.y || (d.y === today.y && d.m > today.m))) d = { ...d, y: d.y - 1 };
      push({ start: base + s, end: base + e, text: rtext, when: `${d.y}-${pad(d.m)}`, precision: 'month', future });
      continue;
    }
    if (r.end?.isCertain('day')) {
      const e2: Ymd = { y: r.end.get('year') ?? d.y, m: r.end.get('month') ?? d.m, d: r.end.get('day') ?? d.d };
      if (dayDiff(e2, d) > 0) {
        const e3 = e2.y !== d.y || !r.end.isCertain('year') ? { ...e2, y: d.y + (e2.m < d.m ? 1 : 0) } : e2;
        push({ start: base + s, end: base + e, text: rtext, when: containing(d, e3), range: { from: ymd(d), to: ymd(e3) }, precision: 'range', future });
        continue;
      }
    }
    push(dayOrMidnight(sentence, s, e, d, base, ctx, future, gmt, r.start.isCertain('hour') ? r.start : undefined));
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

function overlaps(taken: Array<[number, number]>, s: number, e: number): boolean {
  return taken.some(([a, b]) => s < b && e > a);
}

/**
 * A day, made an instant when the sentence gives a time: "at midnight" is the end of that day
 * (24:00 local), "(22:00 GMT)" the UTC time nearest to the local time named.
 */
function dayOrMidnight(
  sentence: string,
  s: number,
  e: number,
  d: Ymd,
  base: number,
  ctx: DateContext,
  future: boolean,
  gmt: RegExpExecArray | null,
  timed?: chrono.ParsedComponents,
): DateMention {
  const after = sentence.slice(e, e + 40);
  const midnight = /^[\s,]*(?:at\s+)?midnight\b/i.test(after) || /\bmidnight\s+(?:on|of)\s*$/i.test(sentence.slice(Math.max(0, s - 20), s));
  let instant: number | undefined;
  let textEnd = e;
  if (midnight) {
    const next = addDays(d, 1);
    instant = localToUtc(ctx.tz, next.y, next.m, next.d);
    textEnd = e + (after.search(/midnight/i) + 8);
  } else if (timed) {
    instant = localToUtc(ctx.tz, d.y, d.m, d.d, timed.get('hour') ?? 0, timed.get('minute') ?? 0);
  }
  if (gmt) {
    const h = Number(gmt[1]);
    const mi = Number(gmt[2]);
    if (h < 24 && mi < 60) {
      const target = instant ?? localToUtc(ctx.tz, d.y, d.m, d.d, 12);
      const cands = [-1, 0, 1].map((k) => Date.UTC(d.y, d.m - 1, d.d + k, h, mi));
      instant = cands.reduce((best, c) => (Math.abs(c - target) < Math.abs(best - target) ? c : best));
      return { start: base + s, end: base + Math.max(textEnd, gmt.index + gmt[0].length), text: sentence.slice(s, Math.max(textEnd, gmt.index + gmt[0].length)), when: `${new Date(instant).toISOString().slice(0, 16)}Z`, precision: 'instant', future };
    }
  }
  if (instant !== undefined) {
    return { start: base + s, end: base + textEnd, text: sentence.slice(s, textEnd), when: isoWithOffset(instant, ctx.tz), precision: 'instant', future };
  }
  return { start: base + s, end: base + e, text: sentence.slice(s, e), when: ymd(d), precision: 'day', future };
}

/** The local calendar day of an instant, as a formats.md date. */
export function dayOf(ms: number, tz: string): string {
  return ymd(localYmd(ms, tz));
}
