/**
 * Migration 0004's read models (incidents.verdict_mask, incidents.list_verdicts, compliance_days)
 * are kept by triggers: after every kind of findings write (replace, override, clear, delete) they
 * must equal what a fresh computation from the findings gives.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding, Verdict } from '../../src/domain/finding.js';
import { dailyCounts } from '../../src/services/compliance-series.js';
import type { Store } from '../../src/store/store.js';
import { VERDICT_BITS } from '../../src/store/verdict-rollups.js';
import { DIALECTS } from './dialects.js';

const DAY = 86_400_000;
const report = (n: number, when: string) => {
  const t = Date.parse(when);
  return {
    format: 'jsonl' as const,
    external_id: `i${n}`,
    when,
    t_start: t,
    t_end: t,
    lat: 35.9 + n / 10,
    lon: 36.6,
    type: 'air_drone_strike',
    payload: { n },
  };
};
const finding = (
  incident: string,
  agreement: string,
  verdict: Verdict,
  party: string | null,
  rule: string | null = 'ceasefire',
): Finding => ({
  incident,
  agreement,
  verdict,
  rule,
  party,
  answerable: party === 'syrian-government' ? 'russia' : null,
  reasons: [],
});

/** What the read models should hold, computed from the findings table. */
async function expected(store: Store) {
  const rows = await store.db
    .selectFrom('findings')
    .selectAll()
    .orderBy('incident_id')
    .orderBy('agreement_id')
    .execute();
  const incidents = new Map<string, { mask: number; verdicts: unknown[] }>();
  const days = new Map<string, number>();
  for (const r of rows) {
    const eff = (r.override_verdict ?? r.verdict) as Verdict;
    const i = incidents.get(r.incident_id) ?? { mask: 0, verdicts: [] };
    i.mask |= VERDICT_BITS[eff];
    i.verdicts.push({
      agreement: r.agreement_id,
      verdict: eff,
      rule: r.rule,
      party: r.party,
      answerable: r.answerable,
      overridden: eff !== r.verdict,
    });
    incidents.set(r.incident_id, i);
    const key = [
      r.agreement_id,
      Math.floor(Number(r.t_start) / DAY),
      eff,
      r.party ?? '',
      r.answerable ?? '',
      r.rule ?? '',
    ].join('|');
    days.set(key, (days.get(key) ?? 0) + 1);
  }
  return { incidents, days };
}

async function actual(store: Store) {
  const inc = await store.db
    .selectFrom('incidents')
    .select(['id', 'verdict_mask', 'list_verdicts'])
    .orderBy('id')
    .execute();
  const days = await store.db.selectFrom('compliance_days').selectAll().where('n', '<>', 0).execute();
  return {
    incidents: new Map(
      inc.map((r) => [
        r.id,
        {
          mask: Number(r.verdict_mask),
          verdicts: JSON.parse(r.list_verdicts ?? '[]') as unknown[],
          text: r.list_verdicts,
        },
      ]),
    ),
    days: new Map(
      days.map((d) => [
        [d.agreement_id, Number(d.day), d.verdict, d.party, d.answerable, d.rule].join('|'),
        Number(d.n),
      ]),
    ),
  };
}

/** The compliance series' daily counts: from the rollup and from the findings, the same. */
async function checkCounts(store: Store) {
  const sort = (rows: Awaited<ReturnType<typeof dailyCounts>>) =>
    rows.map((r) => JSON.stringify([r.agreement_id, r.day, r.party, r.answerable, r.rule, r.n])).sort();
  const from = Date.UTC(2018, 8, 1);
  const to = Date.UTC(2018, 11, 1);
  for (const verdicts of [['violation'], ['permitted', 'undetermined', 'not_applicable']] as Verdict[][]) {
    for (const agreement of [undefined, 'b-agreement']) {
      const viaRollup = await dailyCounts(store, from, to, verdicts, agreement);
      expect(sort(viaRollup)).toEqual(sort(await dailyCounts(store, from, to, verdicts, agreement, false)));
    }
  }
}

async function check(store: Store) {
  await checkCounts(store);
  const want = await expected(store);
  const got = await actual(store);
  for (const [id, { text, ...i }] of got.incidents) {
    const w = want.incidents.get(id) ?? { mask: 0, verdicts: [] };
    expect(i, id).toEqual(w);
    // byte for byte what JSON.stringify writes, on both dialects: the list copies it into responses
    expect(text, id).toBe(JSON.stringify(w.verdicts));
  }
  expect(got.days).toEqual(want.days);
}

for (const dialect of DIALECTS) {
  describe(`verdict read models on ${dialect.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, cleanup } = await dialect.open());
    });
    afterEach(async () => cleanup());

    it('follow replaced findings, overrides, cleared overrides and deletions', async () => {
      await store.addReports([
        report(1, '2018-10-01T10:00:00Z'),
        report(2, '2018-10-01T23:00:00Z'),
        report(3, '2018-10-03T10:00:00Z'),
      ]);
      await check(store);
      await store.replaceFindings(
        ['i1', 'i2', 'i3'],
        [
          finding('i1', 'b-agreement', 'violation', 'syrian-government'),
          finding('i1', 'a-agreement', 'permitted', 'turkey', null),
          finding('i2', 'a-agreement', 'undetermined', null, null),
          finding('i3', 'b-agreement', 'not_applicable', null, null),
        ],
      );
      await check(store);
      const mask = async (id: string) =>
        Number(
          (await store.db.selectFrom('incidents').select('verdict_mask').where('id', '=', id).executeTakeFirstOrThrow())
            .verdict_mask,
        );
      expect(await mask('i1')).toBe(VERDICT_BITS.violation | VERDICT_BITS.permitted);

      await store.overrideVerdict({
        incident: 'i1',
        agreement: 'b-agreement',
        verdict: 'permitted',
        justification: 'video shows no strike',
        analyst: 'ana',
      });
      await check(store);
      expect(await mask('i1')).toBe(VERDICT_BITS.permitted);
      // a recompute keeps the override, and the read models still count it
      await store.replaceFindings(['i1'], [finding('i1', 'b-agreement', 'violation', 'syrian-government')]);
      await check(store);
      expect(await mask('i1')).toBe(VERDICT_BITS.permitted);
      await store.clearOverride({
        incident: 'i1',
        agreement: 'b-agreement',
        justification: 'wrong video',
        analyst: 'ana',
      });
      await check(store);
      expect(await mask('i1')).toBe(VERDICT_BITS.violation);

      await store.db.deleteFrom('findings').where('agreement_id', '=', 'a-agreement').execute();
      await check(store);
      expect(await mask('i2')).toBe(0);
      const list = await store.db
        .selectFrom('incidents')
        .select('list_verdicts')
        .where('id', '=', 'i2')
        .executeTakeFirstOrThrow();
      expect(list.list_verdicts).toBe('[]');
    });
  });
}
