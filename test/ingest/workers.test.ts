/**
 * Scale-out on PostgreSQL: 3 `truce worker` processes drain a queue of 10,000 reports; each report
 * is processed exactly once (the workers' own counts add up to 10,000, every report is processed,
 * and incident report counts add up to the number of reports: a report processed twice would be
 * counted twice).
 */
import { describe, expect, it } from 'vitest';
import type { ReportInput } from '../../src/store/store.js';
import { mulberry32 } from '../../bench/synthetic-acled.lib.js';
import { PG_URL, postgresDialect } from '../store/dialects.js';
import { truce } from './cli.js';

const N = 10_000;

function reports(): ReportInput[] {
  const rnd = mulberry32(3);
  const t0 = Date.UTC(2017, 0, 1);
  return Array.from({ length: N }, (_, i) => {
    // ~4 reports per event: events are what workers must not found twice
    const event = Math.floor(i / 4) + (rnd() < 0.1 ? 1 : 0);
    const day = event % 90;
    const t = t0 + day * 86_400_000 + (event % 5) * 3_600_000;
    return {
      format: 'jsonl',
      external_id: `w-${i}`,
      when: new Date(t).toISOString(),
      t_start: t,
      t_end: t,
      lat: 35 + (event % 50) * 0.05,
      lon: 36 + Math.floor(event / 50) % 40 * 0.05,
      precision_km: 1,
      type: 'shelling_artillery_missile_attack',
      sources: [`outlet ${i % 7}`],
      payload: { i },
    };
  });
}

describe.skipIf(!PG_URL)('3 workers on PostgreSQL', () => {
  it('process each of 10,000 queued reports exactly once', { timeout: 600_000 }, async () => {
    const { store, schema, cleanup } = await postgresDialect.open();
    try {
      const res = await store.addReports(reports(), { queue: true });
      expect(res.inserted).toBe(N);
      expect((await store.stats()).queued).toBe(N);
      const url = `${PG_URL}${PG_URL!.includes('?') ? '&' : '?'}schema=${schema}`;
      const runs = await Promise.all(
        [0, 1, 2].map(() => truce(['worker', '--database', url, '--batch', '250', '--exit-when-empty'])),
      );
      const counts = runs.map((r) => {
        expect(r.code, r.stderr).toBe(0);
        return Number(/: ([\d,]+) reports processed/.exec(r.stderr)?.[1].replace(/,/g, ''));
      });
      expect(counts.reduce((a, b) => a + b, 0)).toBe(N);
      // the work was shared, not done by one worker while the others idled
      expect(counts.filter((c) => c > 0).length).toBeGreaterThanOrEqual(2);
      const stats = await store.stats();
      expect(stats.queued).toBe(0);
      const processed = await store.db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'processed').where('incident_id', 'is not', null).executeTakeFirstOrThrow();
      expect(Number(processed.n)).toBe(N);
      const sum = await store.db.selectFrom('incidents').select((eb) => eb.fn.sum<number>('report_count').as('s')).executeTakeFirstOrThrow();
      expect(Number(sum.s)).toBe(N);
      // every incident is referenced by exactly its reports
      const orphans = await store.db
        .selectFrom('incidents')
        .select('id')
        .where((eb) => eb.not(eb.exists(eb.selectFrom('reports').select('id').whereRef('reports.incident_id', '=', 'incidents.id'))))
        .execute();
      expect(orphans).toEqual([]);
    } finally {
      await cleanup();
    }
  });
});
