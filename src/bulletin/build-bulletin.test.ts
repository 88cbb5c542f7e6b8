import { describe, expect, it } from 'vitest';
import { buildBulletin, localDateOf, shiftDate } from './build-bulletin.js';
import type { BulletinData, BulletinFinding, BulletinIncident } from './model.js';

const base: BulletinData = {
  date: '2017-03-26',
  tz: 'Asia/Damascus',
  actors: [
    { id: 'gov', name: 'Government' },
    { id: 'reb', name: 'Rebels' },
    { id: 'ru', name: 'Russia' },
  ],
  agreements: [
    { id: 'a1', title: 'First', guarantors: [{ actor: 'ru', answers_for: ['gov'] }] },
    { id: 'a2', title: 'Second', short_name: 'Two' },
  ],
  zones: [],
  incidents: [],
  findings: [],
  obligations: [],
  claims: [],
};

const inc = (id: string, when: string, extra: Partial<BulletinIncident> = {}): BulletinIncident => ({
  id,
  when,
  where: { lat: 35.5, lon: 36.5 },
  type: 'armed_clash',
  ...extra,
});
const violation = (incident: string, agreement: string, party: string | null, answerable: string | null = null): BulletinFinding => ({
  incident,
  agreement,
  verdict: 'violation',
  rule: 'ceasefire',
  party,
  answerable,
  reasons: [],
});

describe('localDateOf', () => {
  it('reads instants in the bulletin time zone, across the spring-forward change', () => {
    // Syria moved to UTC+3 on 2017-03-31 at 00:00; 21:30Z on the 30th is still the 30th (UTC+2)
    expect(localDateOf('2017-03-30T21:30Z', 'Asia/Damascus')).toBe('2017-03-30');
    expect(localDateOf('2017-03-30T22:30Z', 'Asia/Damascus')).toBe('2017-03-31');
    expect(localDateOf('2017-07-01T21:30Z', 'Asia/Damascus')).toBe('2017-07-02');
  });
  it('keeps a day as written and leaves months and years out', () => {
    expect(localDateOf('2017-03-26', 'Asia/Damascus')).toBe('2017-03-26');
    expect(localDateOf('2017-03', 'Asia/Damascus')).toBeNull();
    expect(localDateOf('2017', 'Asia/Damascus')).toBeNull();
    expect(localDateOf('not a date', 'Asia/Damascus')).toBeNull();
  });
  it('shifts calendar dates over month and year ends', () => {
    expect(shiftDate('2017-03-01', -1)).toBe('2017-02-28');
    expect(shiftDate('2017-01-01', -1)).toBe('2016-12-31');
  });
});

describe('buildBulletin counts', () => {
  it('counts an incident that breaks two agreements once for its party, once per agreement', () => {
    const b = buildBulletin({
      ...base,
      incidents: [inc('i1', '2017-03-26T10:00+02:00', { by: 'gov', fatalities: { total: 2 } }), inc('i0', '2017-03-25T10:00+02:00', { by: 'gov' })],
      findings: [violation('i1', 'a1', 'gov', 'ru'), violation('i1', 'a2', 'gov'), violation('i0', 'a1', 'gov', 'ru')],
    });
    expect(b.totals.violations).toEqual({ today: 1, previous: 1 });
    expect(b.totals.fatalities).toEqual({ today: 2, previous: 0 });
    expect(b.parties).toHaveLength(1);
    expect(b.parties[0]).toMatchObject({ key: 'gov', label: 'Government', violations: { today: 1, previous: 1 } });
    expect(b.agreements.map((a) => [a.label, a.violations.today, a.violations.previous])).toEqual([
      ['First', 1, 1],
      ['Two', 1, 0],
    ]);
    expect(b.guarantors.map((g) => [g.label, g.violations.today])).toEqual([['Russia', 1]]);
  });

  it('counts an incident once in the totals, by its gravest verdict, but per agreement by each verdict', () => {
    const b = buildBulletin({
      ...base,
      incidents: [inc('i1', '2017-03-26T10:00+02:00', { by: 'gov' })],
      findings: [violation('i1', 'a1', 'gov'), { ...violation('i1', 'a2', 'gov'), verdict: 'undetermined' }],
    });
    expect(b.totals.violations.today).toBe(1);
    expect(b.totals.undetermined.today).toBe(0);
    expect(b.agreements.find((a) => a.key === 'a2')?.undetermined.today).toBe(1);
  });

  it('ignores incidents outside the two days and findings of other days', () => {
    const b = buildBulletin({
      ...base,
      incidents: [inc('old', '2017-03-20T10:00+02:00'), inc('month', '2017-03')],
      findings: [violation('old', 'a1', 'gov'), violation('month', 'a1', 'gov')],
    });
    expect(b.totals.incidents).toEqual({ today: 0, previous: 0 });
    expect(b.parties).toEqual([]);
    expect(b.notable).toEqual([]);
    expect(b.map.points).toEqual([]);
  });

  it('ranks notable incidents: violations first, then deaths', () => {
    const b = buildBulletin({
      ...base,
      incidents: [
        inc('u', '2017-03-26T01:00+02:00', { fatalities: { total: 50 } }),
        inc('v1', '2017-03-26T02:00+02:00', { fatalities: { total: 1 } }),
        inc('v9', '2017-03-26T03:00+02:00', { fatalities: { total: 9 } }),
        inc('p', '2017-03-26T04:00+02:00'),
      ],
      findings: [
        { ...violation('u', 'a1', null), verdict: 'undetermined' },
        violation('v1', 'a1', 'gov'),
        violation('v9', 'a1', 'reb'),
        { ...violation('p', 'a1', 'gov'), verdict: 'permitted' },
      ],
    });
    expect(b.notable.map((n) => n.id)).toEqual(['v9', 'v1', 'u']);
    expect(b.map.points.find((p) => p.id === 'p')?.verdict).toBe('permitted');
  });

  it('lists obligations due within a week and those missed, with days left from the end of the day', () => {
    const ob = (rule: string, due: string | null, status: 'pending' | 'missed' | 'met' | 'unknown') => ({ agreement: 'a1', rule, kind: 'withdrawal', due, status });
    const b = buildBulletin({
      ...base,
      obligations: [ob('soon', '2017-03-27', 'pending'), ob('later', '2017-04-30', 'pending'), ob('done', '2017-03-27', 'met'), ob('late', '2017-03-20', 'missed'), ob('open', null, 'unknown')],
    });
    expect(b.obligations.due.map((o) => [o.rule, o.days])).toEqual([['soon', 0]]);
    expect(b.obligations.missed.map((o) => [o.rule, o.days])).toEqual([['late', -7]]);
  });

  it('splits the day’s claims from its denials and names actor speakers', () => {
    const b = buildBulletin({
      ...base,
      claims: [
        { id: 'c1', when: '2017-03-26T09:00+02:00', kind: 'denial', speaker: 'gov', text: 'no' },
        { id: 'c2', when: '2017-03-26T08:00+02:00', kind: 'claim', speaker: 'Some outlet', text: 'yes' },
        { id: 'c3', when: '2017-03-25T08:00+02:00', kind: 'claim', speaker: 'gov', text: 'yesterday' },
      ],
    });
    expect(b.claims.map((c) => [c.id, c.speaker])).toEqual([['c2', 'Some outlet']]);
    expect(b.denials.map((c) => [c.id, c.speaker])).toEqual([['c1', 'Government']]);
  });
});
