/**
 * extractReport end to end: robustness on bad input (fuzzed, each document within a generous
 * vitest timeout: a hang fails the test; no timed assertions) and the evidence invariant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractReport, extractReportBytes } from './index.js';

const PIECES = [
  'Russian warplanes struck Saraqib on Tuesday, killing 12 civilians.', 'Reply', '3 Comments', 'Dec. 28/9', '(22:00 GMT)', 'killed',
  'between 10 and', 'the death toll rose to', 'قصفت قوات النظام', 'Idlib province', '\n\n', '.', ' ', '((((', 'aaaaaaaaaaaaaaaa', '1,', 'Location:',
  '---\n', 'said', 'denied', 'ceasefire', '\u0000', '\ufffd', 'Dayr az Zawr', 'northern Hama countryside',
];

function checkEvidence(text: string, r: ReturnType<typeof extractReport>) {
  for (const x of [...r.incidents, ...r.claims]) {
    for (const spans of Object.values(x.evidence)) for (const s of spans ?? []) expect(text.slice(s.start, s.end)).toBe(s.text);
  }
}

describe('extractReport robustness', () => {
  it('never throws on fuzzed reports and always quotes its evidence exactly', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 60 }), (parts) => {
        const text = parts.join(' ');
        const r = extractReport(text, { published: '2016-12-29' });
        checkEvidence(text, r);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('handles a pathological line (1 MB, no punctuation) and deep repetition', { timeout: 120_000 }, () => {
    const line = 'shelling killed '.repeat(65_000);
    const r = extractReport(line, { published: '2016-12-29' });
    expect(r.language).toBe('en');
    const r2 = extractReport('('.repeat(200_000), { published: '2016-12-29' });
    expect(r2.incidents).toEqual([]);
  });

  it('explains bad bytes instead of extracting', () => {
    expect(extractReportBytes(new Uint8Array([0, 1, 2, 3]))).toEqual({ error: expect.stringMatching(/binary/) });
    expect(extractReportBytes(new Uint8Array())).toEqual({ error: 'empty file' });
  });

  it('without a publication date uses the dateline and says so', () => {
    const r = extractReport('Wed 05 Apr 2017 Air strikes on Khan Sheikhoun on Tuesday killed 20 people.');
    expect(r.warnings[0]).toMatch(/dateline/);
    expect(r.incidents[0]?.when).toBe('2017-04-04');
  });

  it('detects Arabic and says which fields were not attempted', () => {
    const r = extractReport('قصفت قوات النظام بلدة خان شيخون في ريف إدلب الجنوبي', { published: '2017-04-05' });
    expect(r.language).toBe('ar');
    expect(r.not_attempted).toContain('type');
    expect(r.mentions?.some((m) => m.kind === 'actor' && m.id === 'syrian-government')).toBe(true);
    expect(r.mentions?.some((m) => m.kind === 'place' && m.admin1 === 'SY07')).toBe(true);
  });
  it('never makes the base of a speaker or a bare country name the perpetrator', () => {
    const r = extractReport('An air strike killed 15 civilians in Saraqib on Saturday, the Britain-based Syrian Observatory for Human Rights said.', { published: '2016-08-27' });
    expect(r.incidents[0]?.by).toBeUndefined();
    const t = extractReport('Shelling killed three people in Azaz on Monday as Turkey called for calm.', { published: '2016-08-27' });
    expect(t.incidents[0]?.by).toBeUndefined();
  });
  it('reads "<state> strikes" as air strikes by that state', () => {
    const r = extractReport('Russian strikes killed 34 civilians in Deir Ezzor province on Tuesday.', { published: '2017-09-14' });
    expect(r.incidents[0]).toMatchObject({ type: 'air_drone_strike', by: 'russia', fatalities: { total: 34 } });
  });
  it('finds the places added to the gazetteer for extraction', () => {
    for (const name of ['Atmeh', 'Zardana', 'Hass', 'Khan al-Shih', 'Golan Heights']) {
      const r = extractReport(`Air strikes hit ${name} on Monday, killing two people.`, { published: '2017-09-14' });
      expect(r.incidents[0]?.where.name).toBe(name);
    }
  });
});

describe('main incident', () => {
  it('folds a headline glued to its lead into one incident with the lead place and toll', () => {
    const text =
      'Monday 15 February 2016 Russian Airstrikes Hit MSF Hospital in Idlib. A hospital supported by MSF in the town of Maaret al-Nouman in rural Idlib was hit earlier today by Russian airstrikes. At least seven people were killed in the attack.\n';
    const r = extractReport(text, { published: '2016-02-15' });
    expect(r.incidents[0]).toMatchObject({ type: 'air_drone_strike', fatalities: { total: 7 } });
    expect(r.incidents[0].where.name).toMatch(/Maaret|Ma.arat/i);
  });
  it('keeps two tolls in two places apart', () => {
    const text =
      'Air strikes killed 12 people in Idlib city on Monday. Air strikes killed 5 people in Aleppo on Monday.\n';
    const r = extractReport(text, { published: '2016-02-15' });
    expect(r.incidents.map((i) => i.fatalities?.total)).toEqual([12, 5]);
  });
  it('reads the month May in a dateline as a date, not the modal "may"', () => {
    const text =
      '2 May 2017 At least 24 people were killed on Tuesday in an IS attack near a refugee camp in Hasakeh province, a monitor said.\n';
    const r = extractReport(text, { published: '2017-05-02' });
    expect(r.incidents[0]?.fatalities?.total).toBe(24);
  });
});
