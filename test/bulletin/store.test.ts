/**
 * The bulletin gathered from a real SQLite store through the API backend, with findings from the
 * real adjudicator over the built-in Syria workspace: a day of the Sochi memorandum with incidents
 * far enough apart that none merge.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBackend } from '../../src/api/store-backend.js';
import { buildBulletin } from '../../src/bulletin/build-bulletin.js';
import { gatherBulletinData } from '../../src/bulletin/gather.js';
import type { Bulletin } from '../../src/bulletin/model.js';
import { renderHtml } from '../../src/bulletin/render-html.js';
import { adjudicatorFor } from '../../src/services/compliance-workspace.js';
import { refreshStaleFindings } from '../../src/services/stored-findings.js';
import { openStore, type ReportInput, type Store } from '../../src/store/store.js';
import { builtinWorkspaceDir, loadWorkspaceOrThrow } from '../../src/workspace/index.js';

const report = (id: string, when: string, lat: number, lon: number, by: string, against: string, type: string, fatalities: number): ReportInput => {
  const t = Date.parse(when);
  return {
    format: 'jsonl',
    external_id: id,
    sources: ['SOHR'],
    url: `https://example.org/${id}`,
    when,
    t_start: t,
    t_end: t,
    lat,
    lon,
    precision_km: 0.5,
    place: id,
    type,
    by,
    against,
    fatalities,
    description: `${id} <b>bold</b>`,
    payload: { id, when, where: { lat, lon, precision_km: 0.5 }, type, by, against, fatalities: { total: fatalities } },
  };
};

describe('bulletin from the store', () => {
  let store: Store;
  let dir: string;
  let b: Bulletin;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'truce-bulletin-store-'));
    const workspace = await loadWorkspaceOrThrow(builtinWorkspaceDir());
    store = await openStore({ url: join(dir, 't.sqlite') });
    await store.addReports([
      // 2018-10-12 (Damascus, UTC+3): two government attacks on civilians inside the Idlib area
      report('a', '2018-10-12T06:00:00+03:00', 35.44, 36.65, 'syrian-government', 'civilians', 'shelling_artillery_missile_attack', 3),
      report('b', '2018-10-12T22:30:00+03:00', 35.93, 36.63, 'syrian-government', 'civilians', 'air_drone_strike', 1),
      // 2018-10-11: one
      report('c', '2018-10-11T12:00:00+03:00', 35.70, 36.90, 'syrian-government', 'civilians', 'air_drone_strike', 0),
      // 21:30Z on the 12th is already 00:30 on the 13th in Damascus: not in the bulletin of the 12th
      report('d', '2018-10-12T21:30:00Z', 35.80, 36.30, 'syrian-government', 'civilians', 'air_drone_strike', 5),
    ]);
    await refreshStaleFindings(store, adjudicatorFor(workspace));
    const data = await gatherBulletinData(storeBackend(store, workspace), { date: '2018-10-12', tz: 'Asia/Damascus' });
    b = buildBulletin(data);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts the day against the day before, in the local time zone', () => {
    expect(b.totals.incidents).toEqual({ today: 2, previous: 1 });
    expect(b.totals.fatalities).toEqual({ today: 4, previous: 0 });
    const sochi = b.agreements.find((a) => a.key === 'idlib-2018-sochi');
    expect(sochi?.violations).toEqual({ today: 2, previous: 1 });
    expect(b.parties.find((p) => p.key === 'syrian-government')?.violations).toEqual({ today: 2, previous: 1 });
  });

  it('details the notable incidents with their findings and sources, and maps them on the governorates', () => {
    expect(b.notable.map((n) => n.fatalities)).toEqual([3, 1]);
    const first = b.notable[0];
    expect(first.verdicts.find((v) => v.agreement === 'idlib-2018-sochi')).toMatchObject({ verdict: 'violation', rule: expect.any(String) });
    expect(first.sources.some((s) => s.url === 'https://example.org/a')).toBe(true);
    expect(b.map.base.length).toBe(14);
    expect(b.map.points.map((p) => p.verdict)).toEqual(['violation', 'violation']);
    const html = renderHtml(b);
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toContain('<b>bold</b>');
  });
});
