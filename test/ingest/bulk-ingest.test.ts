/**
 * The bulk ingestion path (columnar batches read in a worker thread or in this one) against the
 * per-report path (`Store.addReports` of each reader item): the same reports, content hashes,
 * incidents and grouping; idempotent; bad rows reported by line; --strict rejects before writing.
 */
import { appendFileSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticAcled } from '../../bench/synthetic-acled.lib.js';
import { readReports } from '../../src/pipeline/ingest/index.js';
import { createActorRegistry } from '../../src/pipeline/resolve/actor-registry.js';
import { ingestFile } from '../../src/services/ingest-files.js';
import { openStore, type ReportInput, type Store } from '../../src/store/store.js';
import { builtinWorkspaceDir } from '../../src/workspace/builtin.js';
import { loadWorkspace } from '../../src/workspace/load-workspace.js';
import { PG_URL, postgresDialect, sqliteDialect } from '../store/dialects.js';

const ROWS = 4000;
const BATCH = 1000;
let dir: string;
let csv: string;
let registry: ReturnType<typeof createActorRegistry>;

async function snapshot(store: Store) {
  const reports = await store.db.selectFrom('reports').selectAll().orderBy('id').execute();
  const incidents = await store.db.selectFrom('incidents').selectAll().orderBy('id').execute();
  const groups = new Map<string, string[]>();
  for (const r of reports) groups.set(r.incident_id!, [...(groups.get(r.incident_id!) ?? []), r.id]);
  const sources = await store.db.selectFrom('sources').select(['id', 'report_count']).orderBy('id').execute();
  return {
    // everything but the storage times
    reports: reports.map(({ ingested_at, processed_at, ...r }) => r),
    incidents: incidents.map(({ created_at, updated_at, ...i }) => i),
    grouping: [...groups.values()].map((g) => g.join(',')).sort(),
    sources,
  };
}

describe('bulk ingestion', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'truce-bulk-'));
    csv = join(dir, 'acled.csv');
    await writeSyntheticAcled(csv, { rows: ROWS, seed: 11 });
    const { workspace } = await loadWorkspace(builtinWorkspaceDir());
    registry = createActorRegistry(workspace!.actors);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores what the per-report path stores, in a worker thread or not, idempotently', {
    timeout: 120_000,
  }, async () => {
    // reference: every reader item through addReports, in batches of the same size
    const ref = await openStore({ url: ':memory:' });
    let batch: ReportInput[] = [];
    for await (const item of readReports(csv, 'acled', { file: csv, tz: 'Asia/Damascus', registry })) {
      if (item.kind !== 'report') continue;
      batch.push(item.report);
      if (batch.length === BATCH) {
        await ref.addReports(batch);
        batch = [];
      }
    }
    if (batch.length) await ref.addReports(batch);
    const expected = await snapshot(ref);
    await ref.close();
    expect(expected.reports.length).toBeGreaterThan(ROWS * 0.9);

    const stores: [boolean, () => Promise<{ store: Store; cleanup(): Promise<void> }>][] = [
      [true, sqliteDialect.open],
      [false, sqliteDialect.open],
    ];
    // PostgreSQL: the reader's COPY lines, completed by the writer
    if (PG_URL) stores.push([true, postgresDialect.open]);
    for (const [worker, open] of stores) {
      const { store, cleanup } = await open();
      const s = await ingestFile(store, csv, { format: 'acled', registry, batchSize: BATCH, worker });
      expect(s.reports).toBe(ROWS);
      expect(s.inserted).toBe(expected.reports.length);
      expect(s.duplicates).toBe(ROWS - expected.reports.length);
      expect(s.incidentsCreated).toBe(expected.incidents.length);
      const got = await snapshot(store);
      expect(got.reports).toEqual(expected.reports);
      expect(got.incidents).toEqual(expected.incidents);
      expect(got.grouping).toEqual(expected.grouping);
      expect(got.sources).toEqual(expected.sources);
      // the same file again: nothing new
      const again = await ingestFile(store, csv, { format: 'acled', registry, batchSize: BATCH, worker });
      expect(again.inserted).toBe(0);
      expect(again.incidentsCreated + again.incidentsUpdated).toBe(0);
      await cleanup();
    }
  });

  it('reports bad rows with their line and skips them; --strict stores nothing of such a file', {
    timeout: 60_000,
  }, async () => {
    const bad = join(dir, 'bad.csv');
    copyFileSync(csv, bad);
    appendFileSync(
      bad,
      'SYR1,not-a-date,2016,1,Battles,Armed clash,Hezbollah,,1,,,0,10,Syria,Idleb,,,Town 1,35.8,36.6,1,SOHR,National,x,0\n',
    );
    for (const worker of [true, false]) {
      const store = await openStore({ url: ':memory:' });
      const strict = await ingestFile(store, bad, {
        format: 'acled',
        registry,
        batchSize: BATCH,
        worker,
        strict: true,
      });
      expect(strict.rejected).toBe(true);
      expect(strict.errors).toEqual([{ line: ROWS + 2, message: expect.stringContaining('not-a-date') }]);
      expect((await store.stats()).reports).toBe(0);
      const loose = await ingestFile(store, bad, { format: 'acled', registry, batchSize: BATCH, worker });
      expect(loose.rejected).toBe(false);
      expect(loose.errorCount).toBe(1);
      expect(loose.errors[0].line).toBe(ROWS + 2);
      expect(loose.reports).toBe(ROWS);
      expect((await store.stats()).reports).toBe(loose.inserted);
      await store.close();
    }
  });
});
