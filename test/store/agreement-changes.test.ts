/** Verdicts follow agreement edits: only incidents in a changed agreement's span become stale. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agreement } from '../../src/domain/agreement.js';
import { syncAgreements } from '../../src/services/agreement-changes.js';
import type { Store } from '../../src/store/store.js';
import { DIALECTS } from './dialects.js';

const agreement = (note?: string): Agreement => ({
  id: 'syria-2016-12-nationwide',
  title: 'Nationwide ceasefire',
  country: 'SY',
  tz: 'Asia/Damascus',
  in_force: { from: '2016-12-30', until: '2017-05-06' },
  parties: { bound: ['syrian-government'] },
  ...(note ? { note } : {}),
});

const report = (n: number, when: string) => {
  const t = Date.parse(when);
  return { format: 'jsonl' as const, external_id: `i${n}`, when, t_start: t, t_end: t, lat: 35.9, lon: 36.6, type: 'air_drone_strike', payload: { n } };
};

for (const dialect of DIALECTS) {
  describe(`agreement changes on ${dialect.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, cleanup } = await dialect.open());
    });
    afterEach(async () => cleanup());

    it('flags only the incidents of a changed agreement span', async () => {
      await store.addReports([report(1, '2017-01-10T10:00:00Z'), report(2, '2018-06-01T10:00:00Z')]);
      const finding = (incident: string) => ({ incident, agreement: 'syria-2016-12-nationwide', verdict: 'violation' as const, rule: 'ceasefire', party: 'syrian-government', answerable: null, reasons: [] });
      const settle = () => store.replaceFindings(['i1', 'i2'], [finding('i1')]);
      await settle();
      expect(await store.listStaleIncidents(10)).toEqual([]);
      expect((await syncAgreements(store, [agreement()])).map((c) => [c.change, c.incidents])).toEqual([['added', 1]]);
      expect((await store.listStaleIncidents(10)).map((i) => i.id)).toEqual(['i1']);
      await settle();
      expect(await syncAgreements(store, [agreement()])).toEqual([]);
      expect(await store.listStaleIncidents(10)).toEqual([]);
      expect((await syncAgreements(store, [agreement('amended')])).map((c) => c.change)).toEqual(['changed']);
      expect((await store.listStaleIncidents(10)).map((i) => i.id)).toEqual(['i1']);
      await settle();
      expect((await syncAgreements(store, [])).map((c) => c.change)).toEqual(['removed']);
      expect((await store.listFindings({ all: true })).items).toEqual([]);
    });
  });
}
