/**
 * Clustering on real data: Syrian Archive videos, several per incident. The store's incidents
 * must reproduce the archive's grouping with pairwise F1 >= 0.9 (figures in BENCHMARKS.md).
 */
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { archiveReport, pairwiseScores, readArchive, referenceKey } from './syrian-archive.js';

describe('clustering Syrian Archive videos into incidents', () => {
  it('matches the archive grouping with pairwise F1 >= 0.9', async () => {
    const rows = readArchive();
    expect(rows.length).toBeGreaterThan(2000);
    const store = await openStore({ url: ':memory:' });
    try {
      // arrival order must not matter much: feed the videos in a scrambled (but fixed) order
      const order = rows.map((_, i) => i).sort((a, b) => ((a * 7919) % rows.length) - ((b * 7919) % rows.length));
      const res = await store.addReports(order.map((i) => archiveReport(rows[i])));
      expect(res.inserted).toBe(new Set(rows.map((r) => r.Database_ID)).size);
      const incidentOf = new Map<string, string>();
      let cursor: string | undefined;
      do {
        const page = await store.listReports({}, { limit: 1000, cursor });
        for (const r of page.items) incidentOf.set(r.external_id!, r.incident_id!);
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      const predicted = rows.map((r) => incidentOf.get(`sa-${r.Database_ID}`)!);
      const scores = pairwiseScores(predicted, rows.map(referenceKey));
      process.stderr.write(`Syrian Archive clustering: ${JSON.stringify(scores)} incidents=${new Set(predicted).size} reference=${new Set(rows.map(referenceKey)).size}\n`);
      // rows without city and neighbourhood share one reference key per day although they lie
      // far apart (the reference's artefact, not an incident): scored apart for the record
      const located = rows.map((r, i) => [r, i] as const).filter(([r]) => r.City || r.Neighborhood);
      const locatedScores = pairwiseScores(located.map(([, i]) => predicted[i]), located.map(([r]) => referenceKey(r)));
      process.stderr.write(`  rows with a place (${located.length}): ${JSON.stringify(locatedScores)}\n`);
      expect(scores.f1).toBeGreaterThanOrEqual(0.9);
      // the score must not come from lumping everything together
      expect(scores.precision).toBeGreaterThanOrEqual(0.9);
    } finally {
      await store.close();
    }
  });

  it('scores pairwise precision and recall correctly', () => {
    expect(pairwiseScores(['a', 'a', 'b'], ['x', 'x', 'y'])).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    // one reference group of 3 split 2+1: 1 of 3 pairs found, nothing wrong predicted
    expect(pairwiseScores(['a', 'a', 'b'], ['x', 'x', 'x'])).toMatchObject({ precision: 1, recall: 1 / 3 });
    // everything lumped: precision drops
    expect(pairwiseScores(['a', 'a', 'a', 'a'], ['x', 'x', 'y', 'y']).precision).toBeCloseTo(2 / 6);
  });
});
