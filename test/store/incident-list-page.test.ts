/**
 * The list page (listIncidentPage: hand-built SQL, the verdict mask, raw statements on SQLite) and
 * the full rows (listIncidents: the same WHERE through Kysely) list the same incidents in the same
 * order for every filter, page after page, and the page carries each incident's verdicts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/mulberry32.lib.js';
import type { Finding, Verdict } from '../../src/domain/finding.js';
import type { IncidentFilter } from '../../src/store/incident-filter.js';
import { listIncidentPage } from '../../src/store/queries/incidents.js';
import type { Store } from '../../src/store/store.js';
import { DIALECTS } from './dialects.js';

const V: Verdict[] = ['violation', 'permitted', 'undetermined', 'not_applicable'];

for (const dialect of DIALECTS) {
  describe(`incident list page on ${dialect.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ store, cleanup } = await dialect.open());
      const rand = mulberry32(3);
      const reports = Array.from({ length: 120 }, (_, k) => {
        const t = Date.UTC(2018, 0, 1) + Math.floor(rand() * 90) * 86_400_000 + k * 1000;
        return {
          format: 'jsonl' as const,
          external_id: `i${k}`,
          when: new Date(t).toISOString(),
          t_start: t,
          t_end: t + 60_000,
          lat: 35 + rand(),
          lon: 36 + rand(),
          type: k % 3 ? 'air_drone_strike' : 'arrests',
          place: `p${k}`,
          by: k % 2 ? 'syrian-government' : 'turkey',
          payload: { k },
        };
      });
      await store.addReports(reports);
      const ids = (await store.db.selectFrom('incidents').select('id').execute()).map((r) => r.id);
      const findings: Finding[] = ids.flatMap((id) =>
        ['a-agreement', 'b-agreement']
          .filter(() => rand() < 0.8)
          .map((agreement) => ({
            incident: id,
            agreement,
            verdict: V[Math.floor(rand() * 4)],
            rule: 'ceasefire',
            party: rand() < 0.5 ? 'russia' : null,
            answerable: null,
            reasons: [],
          })),
      );
      await store.replaceFindings(ids, findings);
      await store
        .overrideVerdict({
          incident: ids[0],
          agreement: findings.find((f) => f.incident === ids[0])?.agreement ?? 'a-agreement',
          verdict: 'violation',
          justification: 'seen',
          analyst: 'ana',
        })
        .catch(() => {});
    });
    afterAll(async () => cleanup());

    const filters: IncidentFilter[] = [
      {},
      { verdict: ['violation'] },
      { verdict: ['permitted', 'undetermined'] },
      { agreement: 'a-agreement' },
      { agreement: 'b-agreement', verdict: ['violation', 'not_applicable'] },
      { from: '2018-02-01', to: '2018-02-28', bbox: [36.2, 35.2, 36.8, 35.9] },
      { party: 'russia', type: ['air_drone_strike'] },
      { q: 'P1', min_confidence: 0 },
    ];
    it('lists what listIncidents lists, page by page, with the verdicts', async () => {
      for (const f of filters) {
        const want = (await store.listIncidents(f, { limit: 1000 })).items.map((i) => i.id);
        const got: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await listIncidentPage(store.db, store.dialect, f, { limit: 7, cursor });
          for (const r of page.items) {
            got.push(r.id);
            const fs = (await store.listFindings({ incident: r.id, all: true }, { limit: 10 })).items;
            expect(
              JSON.parse(r.verdicts_json)
                .map((v: { agreement: string; verdict: string }) => `${v.agreement}:${v.verdict}`)
                .sort(),
            ).toEqual(fs.map((x) => `${x.agreement}:${x.verdict}`).sort());
          }
          cursor = page.next_cursor ?? undefined;
        } while (cursor);
        expect(got, JSON.stringify(f)).toEqual(want);
        if (Object.keys(f).length) expect(want.length, JSON.stringify(f)).toBeLessThan(120);
        if (Object.keys(f).length && Object.keys(f).every((k) => k === 'verdict' || k === 'agreement')) {
          // the verdict filter computed here from the findings, independently of the SQL
          const fs = (await store.listFindings({ all: true }, { limit: 1000 })).items;
          const ok = new Set(
            fs
              .filter(
                (x) =>
                  (!f.agreement || x.agreement === f.agreement) &&
                  (f.verdict ? f.verdict.includes(x.verdict) : x.verdict !== 'not_applicable'),
              )
              .map((x) => x.incident),
          );
          const all = (await store.listIncidents({}, { limit: 1000 })).items.map((i) => i.id);
          expect(want, JSON.stringify(f)).toEqual(all.filter((id) => ok.has(id)));
        }
      }
    });
    it('reads the same page inside a transaction (no read connection: through Kysely)', async () => {
      const f: IncidentFilter = { verdict: ['violation'], from: '2018-01-15' };
      const outside = await listIncidentPage(store.db, store.dialect, f, { limit: 9 });
      const inside = await store.db
        .transaction()
        .execute((trx) => listIncidentPage(trx, store.dialect, f, { limit: 9 }));
      expect(inside).toEqual(outside);
      expect(outside.items.length).toBe(9);
    });

    it('keeps reading past rows that `within` drops', async () => {
      const within = (lon: number) => lon < 36.5;
      const all = (await listIncidentPage(store.db, store.dialect, {}, { limit: 1000 })).items
        .filter((r) => within(r.lon!))
        .map((r) => r.id);
      const page = await listIncidentPage(store.db, store.dialect, {}, { limit: 5 }, within);
      expect(page.items.map((r) => r.id)).toEqual(all.slice(0, 5));
    });
  });
}
