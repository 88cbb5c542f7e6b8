/**
 * Party edge cases of the verdict table (formats.md §5): civilian organisations, vague
 * descriptors written as `by`, and the date from which a nested membership binds.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/finding.js';
import { adjudicatorOf, columnsOf } from './fixture-harness.js';

const where = { lon: 36.5, lat: 35.85 };

async function judge(inc: Record<string, unknown>): Promise<Finding> {
  const adj = await adjudicatorOf('parties');
  const line = JSON.stringify({ id: 'x', where, type: 'air_drone_strike', ...inc });
  const [f] = adj.adjudicate(columnsOf(adj, [line]), { all: true });
  return f;
}

describe('parties', () => {
  it('an actor of kind civilians is protected like civilians', async () => {
    const f = await judge({ when: '2019-11-05T10:00+03:00', by: 'syrian-government', against: 'white-helmets' });
    expect(f.verdict).toBe('violation');
    expect(f.reasons).toContain('white-helmets are civilians');
  });

  it('a vague descriptor without a membership as `by` is an unknown perpetrator', async () => {
    const f = await judge({ when: '2019-11-05T10:00+03:00', by: 'opposition-armed-groups', against: 'civilians' });
    expect(f.verdict).toBe('undetermined');
    expect(f.party).toBeNull();
    expect(f.reasons.join('; ')).toContain('opposition-armed-groups');
  });

  it('a descriptor standing for a bound actor still binds it', async () => {
    const f = await judge({ when: '2019-11-05T10:00+03:00', by: 'regime-forces', against: 'civilians' });
    expect(f.verdict).toBe('violation');
  });

  it('a nested membership binds from the latest start date of the chain', async () => {
    const f = await judge({ when: '2019-11-05T10:00+03:00', by: 'faylaq-al-sham', against: 'civilians' });
    expect(f.verdict).toBe('violation');
    const r = f.reasons.find((x) => x.startsWith('faylaq-al-sham is bound'));
    expect(r).toBe(
      'faylaq-al-sham is bound as a member of national-front-for-liberation, a member of syrian-national-army since 2019-10-04',
    );
  });

  it('before the outer coalition is joined, the member is not bound', async () => {
    const f = await judge({ when: '2019-01-05T10:00+03:00', by: 'faylaq-al-sham', against: 'civilians' });
    expect(f.verdict).toBe('not_applicable');
  });

  it('findings are ordered by the UTC instant of the interval start, whatever the agreements time zone', async () => {
    const adj = await adjudicatorOf('parties');
    const base = { where, type: 'air_drone_strike', by: 'syrian-government', against: 'civilians' };
    // a-date starts 2019-11-05T00:00Z in UTC but 2019-11-04T21:00Z in the agreement's Asia/Damascus
    const lines = [
      JSON.stringify({ id: 'a-date', when: '2019-11-05', ...base }),
      JSON.stringify({ id: 'b-instant', when: '2019-11-04T22:00:00Z', ...base }),
    ];
    const ids = adj.adjudicate(columnsOf(adj, lines), { all: true }).map((f) => f.incident);
    expect(ids).toEqual(['b-instant', 'a-date']);
  });
});
