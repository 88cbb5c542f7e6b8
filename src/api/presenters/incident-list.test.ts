import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../bench/mulberry32.lib.js';
import { VERDICTS, type Verdict } from '../../domain/finding.js';
import type { IncidentListRow } from '../../store/queries/incidents.js';
import { verdictMaskOf } from '../../store/verdict-rollups.js';
import { incidentSummary } from './incident.js';
import { listItem, listItemJson, listPageJson } from './incident-list.js';

const STRINGS = ['Idlib', 'say "hi"\\', 'line\nbreak\ttab', 'قصف على إدلب', '\u2028\u2029', 'emoji 🕊', '\u0001ctl', ''];

function row(rand: () => number, i: number): { row: IncidentListRow; verdicts: Verdict[] } {
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  const maybe = <T>(v: T) => (rand() < 0.3 ? null : v);
  const verdicts = ['a-agreement', 'b-agreement'].filter(() => rand() < 0.7).map(() => pick(VERDICTS));
  const list = verdicts.map((v, k) => ({
    agreement: ['a-agreement', 'b-agreement'][k],
    verdict: v,
    rule: maybe(pick(STRINGS)),
    party: maybe('syrian-government'),
    answerable: maybe('russia'),
    overridden: rand() < 0.2,
  }));
  const t = Math.floor(rand() * 2e12);
  return {
    verdicts,
    row: {
      id: `r-${i}`,
      when: pick(STRINGS),
      t_start: t,
      t_end: t + Math.floor(rand() * 1e8),
      lat: maybe(rand() * 180 - 90),
      lon: maybe(rand() * 360 - 180),
      precision_km: maybe(rand() < 0.5 ? 1 : rand() * 10),
      place: maybe(pick(STRINGS)),
      admin1: maybe(pick(STRINGS)),
      admin2: maybe(pick(STRINGS)),
      type: pick(['air_drone_strike', 'arrests', 'peaceful_protest', 'armed_clash']),
      by: maybe(pick(STRINGS)),
      against: maybe(pick(STRINGS)),
      fatalities: maybe(Math.floor(rand() * 100)),
      description: maybe(pick(STRINGS)),
      report_count: 1 + Math.floor(rand() * 5),
      source_count: Math.floor(rand() * 3),
      confidence: rand() < 0.1 ? 1 : rand(),
      review_state: pick(['reported', 'verified'] as const),
      verdict_mask: verdictMaskOf(verdicts),
      verdicts_json: JSON.stringify(list),
    },
  };
}

describe('incident list JSON', () => {
  it('writes exactly JSON.stringify of the list item, and the item matches incidentSummary', () => {
    const rand = mulberry32(5);
    for (let i = 0; i < 2000; i++) {
      const { row: r, verdicts } = row(rand, i);
      const item = listItem(r);
      expect(listItemJson(r)).toBe(JSON.stringify(item));
      // the object form agrees with the presenter the detail page uses, field for field
      const parsed = JSON.parse(r.verdicts_json) as { agreement: string; verdict: Verdict; overridden: boolean }[];
      const viaSummary = incidentSummary(
        r,
        parsed.map((v, k) => ({
          ...v,
          rule: null,
          party: null,
          answerable: null,
          computed_verdict: v.overridden ? 'permitted' : verdicts[k],
          verdict: verdicts[k],
        })),
      );
      expect({ ...item, verdicts: [] }).toEqual({ ...viaSummary, verdicts: [] });
    }
  });
  it('writes a page as JSON.stringify({items, next_cursor}) would', () => {
    const rand = mulberry32(9);
    const items = Array.from({ length: 7 }, (_, i) => row(rand, i).row);
    for (const next_cursor of [null, 'eyJ0IjoxfQ', 'a"b']) {
      expect(listPageJson({ items, next_cursor })).toBe(JSON.stringify({ items: items.map(listItem), next_cursor }));
    }
    expect(listPageJson({ items: [], next_cursor: null })).toBe('{"items":[],"next_cursor":null}');
  });
});
