/**
 * Crash safety: `truce ingest` is killed with SIGKILL at random points (seeded), then rerun until
 * it completes. Nothing may be lost or duplicated: the same reports (ids are content hashes), the
 * same incidents and the same grouping as an uninterrupted run.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32, writeSyntheticAcled } from '../../bench/synthetic-acled.lib.js';
import { openStore } from '../../src/store/store.js';
import { truce } from './cli.js';

const ROWS = 20_000;
let dir: string;
let csv: string;

async function snapshot(db: string) {
  const store = await openStore({ url: db });
  try {
    const reports = await store.db.selectFrom('reports').select(['id', 'content_hash', 'incident_id', 'status']).orderBy('id').execute();
    const incidents = await store.db.selectFrom('incidents').select(['id', 'report_count']).orderBy('id').execute();
    // the grouping: for every incident, the sorted ids of its reports
    const groups = new Map<string, string[]>();
    for (const r of reports) groups.set(r.incident_id!, [...(groups.get(r.incident_id!) ?? []), r.id]);
    return { reports, incidents, grouping: [...groups.values()].map((g) => g.join(',')).sort() };
  } finally {
    await store.close();
  }
}

/** bytes of a SQLite database with its write-ahead log (0 before it exists) */
function bytesOf(db: string): number {
  let n = 0;
  for (const f of [db, `${db}-wal`]) {
    try {
      n += statSync(f).size;
    } catch {
      // not created yet
    }
  }
  return n;
}

describe('ingestion killed with SIGKILL', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'truce-crash-'));
    csv = join(dir, 'acled.csv');
    await writeSyntheticAcled(csv, { rows: ROWS, seed: 7 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses nothing and duplicates nothing when rerun', { timeout: 600_000 }, async () => {
    const args = (db: string) => ['ingest', csv, '--database', db, '--format', 'acled', '--no-adjudicate'];
    const clean = join(dir, 'clean.sqlite');
    const ok = await truce(args(clean));
    expect(ok.code, ok.stderr).toBe(0);
    const reference = await snapshot(clean);
    expect(reference.reports.length).toBeGreaterThan(ROWS * 0.9);
    const fullBytes = bytesOf(clean);

    const crashed = join(dir, 'crashed.sqlite');
    const rnd = mulberry32(42);
    let kills = 0;
    let midway = 0;
    for (let attempt = 0; attempt < 8; attempt++) {
      // kill at a random point of the data (by how much the database file has grown, so it does
      // not depend on this machine's speed); the first attempt dies during startup
      const start = bytesOf(crashed);
      const at = start + (attempt === 0 ? 1 : Math.floor(rnd() * (fullBytes - start)));
      const run = await truce(args(crashed), { killWhen: () => bytesOf(crashed) >= at });
      if (run.signal !== 'SIGKILL') {
        expect(run.code, run.stderr).toBe(0);
        break;
      }
      kills++;
      const partial = await snapshot(crashed).catch(() => null);
      if (partial && partial.reports.length > 0 && partial.reports.length < reference.reports.length) midway++;
    }
    const final = await truce(args(crashed));
    expect(final.code, final.stderr).toBe(0);
    expect(kills).toBeGreaterThan(0);
    expect(midway).toBeGreaterThan(0); // at least one kill landed in the middle of the data
    const after = await snapshot(crashed);
    expect(after.reports.length).toBe(reference.reports.length);
    expect(after.reports.map((r) => `${r.id}:${r.content_hash}`)).toEqual(reference.reports.map((r) => `${r.id}:${r.content_hash}`));
    expect(after.reports.every((r) => r.status === 'processed' && r.incident_id)).toBe(true);
    expect(after.incidents.length).toBe(reference.incidents.length);
    expect(after.incidents.reduce((s, i) => s + i.report_count, 0)).toBe(after.reports.length);
    expect(after.grouping).toEqual(reference.grouping);
  });
});
