/** Cursor pagination walks every match exactly once; CSV and GeoJSON exports equal the filtered list. */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Harness, harness, verdictOf } from './harness.js';

describe.each(DIALECTS)('$name', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ publicRead: true }, dialect);
  });
  afterAll(() => h.close());

  async function all(query: string, limit: number): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await h.get(`/api/v1/incidents?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      const page = await r.json();
      ids.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.next_cursor;
      pages++;
    } while (cursor && pages < 100);
    return { ids, pages };
  }

  const FILTERS = [
    '',
    'verdict=violation',
    'verdict=violation,undetermined&agreement=demo-truce',
    'from=2018-10-01&to=2018-10-20',
    'bbox=36.4,35.4,36.8,35.9',
    'agreement=demo-truce&zone=area',
    'zone=demo-truce:area&verdict=not_applicable',
    'party=opposition-front',
    'type=armed_clash',
    'q=marketplace',
    'review=reported',
  ];

  describe('pagination', () => {
    it('walks all 40 incidents in pages of 7, newest first, without repeats', async () => {
      const { ids, pages } = await all('', 7);
      expect(pages).toBe(6);
      expect(ids).toEqual([...h.ids].reverse());
    });

    it('pages of a filtered list equal the filtered list', async () => {
      const { ids } = await all('verdict=violation', 3);
      expect(ids).toEqual(h.ids.filter((_, i) => verdictOf(i) === 'violation').reverse());
    });

    it('a zone filter keeps only incidents inside the zone, and pages stay full', async () => {
      const { ids } = await all('agreement=demo-truce&zone=area', 4);
      // every 5th seeded incident is in Damascus, outside the area
      expect(ids).toEqual(h.ids.filter((_, i) => i % 5 !== 4).reverse());
    });
  });

  describe('exports honour the filters', () => {
    it.each(FILTERS)('CSV and GeoJSON for ?%s equal the list', async (q) => {
      const { ids } = await all(q, 1000);
      const csv = await h.get(`/api/v1/incidents.csv?${q}`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const rows = parse(await csv.text(), { columns: true }) as Record<string, string>[];
      expect(rows.map((r) => r.id)).toEqual(ids);

      const gj = await h.get(`/api/v1/incidents.geojson?${q}`);
      expect(gj.headers.get('content-type')).toContain('application/geo+json');
      const fc = await gj.json();
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.features.map((f: { id: string }) => f.id)).toEqual(ids);
      for (const f of fc.features) expect(f.geometry.type).toBe('Point');
    });

    it('the CSV carries the verdicts and quotes fields that need it', async () => {
      const rows = parse(await (await h.get('/api/v1/incidents.csv?q=marketplace')).text(), {
        columns: true,
      }) as Record<string, string>[];
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        id: h.ids[7],
        description: 'Seeded incident 7 near the marketplace',
        verdict: verdictOf(7),
        agreements: `demo-truce:${verdictOf(7)}`,
      });
    });

    it('GeoJSON can be cut down to the properties a map needs', async () => {
      const fc = await (
        await h.get('/api/v1/incidents.geojson?verdict=violation&properties=id,verdict,fatalities')
      ).json();
      expect(fc.features.length).toBeGreaterThan(10);
      for (const f of fc.features) {
        expect(Object.keys(f.properties)).toEqual(['id', 'verdict', 'fatalities']);
        expect(f.properties.verdict).toBe('violation');
        expect(f.properties.id).toBe(f.id);
      }
      const bad = await h.get('/api/v1/incidents.geojson?properties=id,secret');
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.fields[0].path).toBe('query.properties.1');
    });

    it('exports refuse bad filters like the list does', async () => {
      expect((await h.get('/api/v1/incidents.csv?bbox=1')).status).toBe(400);
      expect((await h.get('/api/v1/incidents.geojson?verdict=nope')).status).toBe(400);
    });
  });
});
