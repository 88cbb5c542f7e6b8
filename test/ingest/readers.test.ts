/** The readers and the ingest service: column mapping, bad rows with lines, --strict, idempotence. */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Agreement } from '../../src/domain/agreement.js';
import { detectFormat, type ReadItem, readReports } from '../../src/pipeline/ingest/index.js';
import { type ActorRegistry, createActorRegistry } from '../../src/pipeline/resolve/actor-registry.js';
import { ingestFile } from '../../src/services/ingest-files.js';
import { openStore } from '../../src/store/store.js';
import { builtinWorkspaceDir } from '../../src/workspace/builtin.js';
import { loadWorkspace } from '../../src/workspace/load-workspace.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/ingest/${name}`, import.meta.url));
let registry: ActorRegistry;
let agreements: Agreement[];

async function readAll(file: string): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of readReports(file, await detectFormat(file), { file, tz: 'Asia/Damascus', registry })) out.push(item);
  return out;
}

beforeAll(async () => {
  const { workspace } = await loadWorkspace(builtinWorkspaceDir());
  registry = createActorRegistry(workspace!.actors);
  agreements = workspace!.agreements;
});

describe('ACLED reader', () => {
  it('maps columns, codes and actor names, and reports bad rows with their line', async () => {
    expect(await detectFormat(fixture('acled-synthetic.csv'))).toBe('acled');
    const items = await readAll(fixture('acled-synthetic.csv'));
    const reports = items.flatMap((i) => (i.kind === 'report' ? [i.report] : []));
    const errors = items.flatMap((i) => (i.kind === 'error' ? [`${i.line}: ${i.message}`] : []));
    expect(errors).toEqual([
      expect.stringMatching(/^6: event_date "2018-13-01"/),
      expect.stringMatching(/^7: latitude\/longitude "north"/),
      expect.stringMatching(/^8: fatalities "three"/),
    ]);
    expect(reports).toHaveLength(3);
    const [a, b, c] = reports;
    expect(a).toMatchObject({
      external_id: 'SYN001',
      type: 'shelling_artillery_missile_attack',
      by: 'syrian-government',
      against: 'civilians',
      lat: 35.6138,
      lon: 36.5606,
      precision_km: 2,
      place: 'Kafr Nobol',
      admin1: 'SY07',
      fatalities: 2,
      sources: ['SOHR'],
      when: '2018-10-02',
      line: 2,
    });
    // a local day in Damascus (UTC+3 in October 2018)
    expect(new Date(a.t_start!).toISOString()).toBe('2018-10-01T21:00:00.000Z');
    // quoted notes with a doubled quote and a line break; the next record starts two lines later
    expect(b.description).toBe('Regime artillery hit Kafr Nobol; "two dead",\na child among them.');
    expect(b.line).toBe(3);
    // old date format, time_precision 3 (the month), an actor the registry does not know kept visible
    expect(c).toMatchObject({ when: '2018-10', type: 'armed_clash', against: null, unmatched_actors: ['Unknown Fighters'], line: 5, fatalities: null });
    expect(JSON.parse(JSON.stringify(c.payload === null ? null : c.payload))).toBeNull();
  });
});

describe('UCDP GED reader', () => {
  it('maps dates, where_prec, sides and deaths', async () => {
    expect(await detectFormat(fixture('ucdp-synthetic.csv'))).toBe('ucdp');
    const items = await readAll(fixture('ucdp-synthetic.csv'));
    const reports = items.flatMap((i) => (i.kind === 'report' ? [i.report] : []));
    expect(items.filter((i) => i.kind === 'error').map((i) => i.line)).toEqual([4]);
    expect(reports[0]).toMatchObject({ external_id: 'ucdp-9001', when: '2017-03-19', type: 'armed_clash', by: 'syrian-government', precision_km: 1, fatalities: 22, sources: ['SOHR', 'Reuters'] });
    expect(reports[1]).toMatchObject({ when: '2017-03', type: 'attack', against: 'civilians', precision_km: 25, fatalities: 5 });
    expect(reports[1].t_end! - reports[1].t_start!).toBe(3 * 86_400_000);
  });
});

describe('JSONL reader', () => {
  it('validates every line with the incident schema', async () => {
    const items = await readAll(fixture('incidents.jsonl'));
    const errors = items.flatMap((i) => (i.kind === 'error' ? [`${i.line}: ${i.message}`] : []));
    expect(errors).toEqual([expect.stringMatching(/^5: when: /), expect.stringMatching(/^6: not JSON/)]);
    const reports = items.flatMap((i) => (i.kind === 'report' ? [i.report] : []));
    expect(reports.map((r) => r.external_id)).toEqual(['r-0412', 'r-0413', 'r-0414']);
    expect(reports[0]).toMatchObject({ url: 'https://example.org/sohr/0412', fatalities: 4, precision_km: 2 });
    expect(reports[2]).toMatchObject({ admin1: 'SY07', lat: null, unmatched_actors: ['not-an-actor-id-known'] });
  });
});

describe('ingest service', () => {
  it('is idempotent, corroborates across files and keeps extra fields', async () => {
    const store = await openStore({ url: ':memory:' });
    try {
      const first = await ingestFile(store, fixture('incidents.jsonl'), { registry });
      expect(first).toMatchObject({ reports: 3, inserted: 3, errorCount: 2, rejected: false });
      const again = await ingestFile(store, fixture('incidents.jsonl'), { registry });
      expect(again).toMatchObject({ inserted: 0, duplicates: 3 });
      const inc = (await store.getIncident('r-0412'))!;
      expect(inc.report_count).toBe(2);
      expect(inc.source_count).toBe(2);
      expect(inc.incident.evidence).toEqual({ type: [{ start: 0, end: 10 }] });
      const acled = await ingestFile(store, fixture('acled-synthetic.csv'), { registry });
      expect(acled).toMatchObject({ reports: 3, inserted: 3, incidentsCreated: 2, errorCount: 3 });
      const kafr = (await store.getIncident('SYN001'))!;
      expect(kafr).toMatchObject({ report_count: 2, source_count: 2 });
    } finally {
      await store.close();
    }
  });

  it('with strict, rejects a file with a bad row and stores nothing of it', async () => {
    const store = await openStore({ url: ':memory:' });
    try {
      const s = await ingestFile(store, fixture('acled-synthetic.csv'), { registry, strict: true });
      expect(s).toMatchObject({ rejected: true, inserted: 0, errorCount: 3 });
      expect((await store.stats()).reports).toBe(0);
      const ok = await ingestFile(store, fixture('ucdp-synthetic.csv'), { registry, strict: true, format: 'ucdp' });
      expect(ok.rejected).toBe(true);
      expect((await store.stats()).reports).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('ingests report text through extraction, with its claims, idempotently', async () => {
    const store = await openStore({ url: ':memory:' });
    try {
      const opts = { registry, agreements, published: '2016-12-30', source: 'SOHR' };
      const s = await ingestFile(store, fixture('report.txt'), opts);
      expect(s).toMatchObject({ format: 'text', inserted: 1, incidentsCreated: 1, errorCount: 0 });
      const [r] = (await store.listReports({ format: 'text' })).items;
      expect(r).toMatchObject({ type: 'air_drone_strike', by: 'syrian-government', source_ids: ['sohr'] });
      expect((r.payload as { evidence?: unknown }).evidence).toBeDefined();
      const claims = (await store.listClaims({ agreement: 'syria-2016-12-nationwide' })).items;
      expect(claims.map((c) => c.kind).sort()).toEqual(['confirmed', 'disputed', 'violation_alleged']);
      expect((await store.agreementStatus('syria-2016-12-nationwide')).length).toBeGreaterThan(0);
      const again = await ingestFile(store, fixture('report.txt'), opts);
      expect(again).toMatchObject({ inserted: 0, duplicates: 1 });
      expect((await store.stats()).claims).toBe(3);
    } finally {
      await store.close();
    }
  });

  it('reports a missing file and an unknown format', async () => {
    const store = await openStore({ url: ':memory:' });
    try {
      expect((await ingestFile(store, fixture('nope.csv'))).errors[0].message).toBe('no such file');
      expect((await ingestFile(store, fixture('SOURCES.md'), { format: 'acled' })).errors[0].message).toMatch(/not an ACLED export/);
    } finally {
      await store.close();
    }
  });
});
