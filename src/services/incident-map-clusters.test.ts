import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/mulberry32.lib.js';
import type { Verdict } from '../domain/finding.js';
import {
  type ClusterFeature,
  MAX_FEATURES,
  type MapIncident,
  mapSnapshot,
  mapView,
  mercatorX,
  mercatorY,
  POINTS_ZOOM,
} from './incident-map-clusters.js';

const VERDICTS: (Verdict | null)[] = [null, 'violation', 'undetermined', 'permitted', 'not_applicable'];

function incidents(n: number, seed: number): MapIncident[] {
  const rnd = mulberry32(seed);
  return Array.from({ length: n }, (_, k) => ({
    id: `i-${k}`,
    // Syria-sized spread, plus a few far away and a few stacked on one spot
    lon: k % 97 === 0 ? -70 + rnd() * 10 : k % 31 === 0 ? 36.7 : 35.8 + rnd() * 6.2,
    lat: k % 97 === 0 ? -30 + rnd() * 10 : k % 31 === 0 ? 35.9 : 32.5 + rnd() * 4.7,
    verdict: VERDICTS[Math.floor(rnd() * VERDICTS.length)],
    fatalities: k % 11 === 0 ? null : Math.floor(rnd() * 12),
  }));
}

/** brute force: the incidents inside a lon/lat box, bounds included (the store's bbox filter) */
const inside = (xs: MapIncident[], [w, s, e, n]: readonly number[]) =>
  xs.filter((i) => i.lon >= w && i.lon <= e && i.lat >= s && i.lat <= n);

describe('incident map clusters', () => {
  const xs = incidents(5000, 42);
  const snap = mapSnapshot(xs);

  it('keeps every incident in columns', () => {
    expect(snap.size).toBe(xs.length);
    expect(snap.ids[17]).toBe('i-17');
    expect(snap.lon[17]).toBe(xs[17].lon);
    expect(mapSnapshot([]).size).toBe(0);
    expect(mapView(mapSnapshot([]), 3).features).toEqual([]);
  });

  it.each([0, 3, 6, 8.7, 11, 13])(
    'at zoom %s covers every incident once, and a cluster is exactly the incidents in its cell',
    (z) => {
      const v = mapView(snap, z);
      expect(v.z).toBe(Math.floor(z));
      expect(v.total).toBe(xs.length);
      expect(v.in_view).toBe(xs.length);
      let covered = 0;
      const seen = new Set<string>();
      for (const f of v.features) {
        if (!f.properties.cluster) {
          seen.add(f.properties.id);
          covered++;
          continue;
        }
        const c = f as ClusterFeature;
        const members = inside(xs, c.properties.bbox);
        expect(members.length).toBe(c.properties.count);
        const mix = { violation: 0, undetermined: 0, permitted: 0, not_applicable: 0, none: 0 };
        for (const m of members) mix[m.verdict ?? 'none']++;
        expect(c.properties.verdicts).toEqual(mix);
        const gravest =
          (['violation', 'undetermined', 'permitted', 'not_applicable'] as const).find((k) => mix[k] > 0) ?? null;
        expect(c.properties.verdict).toBe(gravest);
        const [lon, lat] = c.geometry.coordinates;
        const [w, s, e, n] = c.properties.extent;
        expect(lon).toBeGreaterThanOrEqual(w - 1e-6);
        expect(lon).toBeLessThanOrEqual(e + 1e-6);
        expect(lat).toBeGreaterThanOrEqual(s - 1e-6);
        expect(lat).toBeLessThanOrEqual(n + 1e-6);
        covered += c.properties.count;
      }
      expect(covered).toBe(xs.length);
      expect(seen.size).toBe(v.features.filter((f) => !f.properties.cluster).length);
    },
  );

  it('sends few features for the whole of Syria, and more as the map zooms in', () => {
    const syria = [35.5, 32.2, 42.5, 37.4] as const;
    const at6 = mapView(snap, 6, syria);
    expect(at6.in_view).toBe(inside(xs, syria).length);
    expect(at6.features.length).toBeLessThan(200);
    expect(mapView(snap, 9, syria).features.length).toBeGreaterThan(at6.features.length);
  });

  it('answers single incidents from POINTS_ZOOM on, and a cell of one as that incident', () => {
    const spot = [36.69, 35.89, 36.71, 35.91] as const;
    const v = mapView(snap, POINTS_ZOOM, spot);
    const expected = inside(xs, spot).map((i) => i.id);
    expect(expected.length).toBeGreaterThan(10); // the stacked incidents
    expect(v.features.every((f) => !f.properties.cluster)).toBe(true);
    expect(v.features.map((f) => f.properties.id).sort()).toEqual(expected.sort());
    const lone = xs[97 * 3];
    const one = mapView(snap, 12, [lone.lon - 0.001, lone.lat - 0.001, lone.lon + 0.001, lone.lat + 0.001]);
    expect(one.features).toEqual([
      {
        type: 'Feature',
        id: lone.id,
        geometry: { type: 'Point', coordinates: [expect.closeTo(lone.lon, 5), expect.closeTo(lone.lat, 5)] },
        properties: { cluster: false, id: lone.id, verdict: lone.verdict, fatalities: lone.fatalities },
      },
    ]);
  });

  it.each([5, 7, 9])('at zoom %s answers whole cells for a view that cuts through them', (z) => {
    const view = [36.03, 33.01, 37.97, 34.99] as const;
    const v = mapView(snap, z, view);
    let sent = 0;
    for (const f of v.features) {
      if (f.properties.cluster) {
        const c = f as ClusterFeature;
        expect(inside(xs, c.properties.bbox).length).toBe(c.properties.count);
        sent += c.properties.count;
      } else sent++;
    }
    expect(sent).toBe(v.in_view);
    // every incident in the view is in what was sent, and more (the edge cells' others)
    expect(v.in_view).toBeGreaterThan(inside(xs, view).length);
    const sentIds = new Set(
      v.features.flatMap((f) =>
        (f.properties.cluster ? inside(xs, (f as ClusterFeature).properties.bbox) : [f.properties]).map((i) => i.id),
      ),
    );
    for (const i of inside(xs, view)) expect(sentIds.has(i.id)).toBe(true);
  });

  it('flags an answer cut at MAX_FEATURES', () => {
    const many = mapSnapshot(
      Array.from({ length: MAX_FEATURES + 10 }, (_, k) => ({
        id: `p${k}`,
        lon: 36 + k * 1e-5,
        lat: 35,
        verdict: null,
        fatalities: null,
      })),
    );
    const v = mapView(many, 20);
    expect(v.truncated).toBe(true);
    expect(v.features.length).toBe(MAX_FEATURES);
    expect(mapView(many, 2).truncated).toBe(false);
  });

  it('projects to Web Mercator', () => {
    expect(mercatorX(-180)).toBe(0);
    expect(mercatorX(180)).toBe(1);
    expect(mercatorY(0)).toBeCloseTo(0.5, 12);
    expect(mercatorY(85.0511287798066)).toBeCloseTo(0, 9);
    expect(mercatorY(-90)).toBeCloseTo(1, 9);
  });
});
