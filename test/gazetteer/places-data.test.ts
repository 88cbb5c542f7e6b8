/**
 * Integrity of the shipped gazetteer (issue 4, "How it is checked"): unique ids, every P-code in
 * the shipped boundaries and consistent with its parents, every place inside its stated governorate
 * (or, for points attached from just outside OCHA's coastline or border, within its precision of
 * it), names in both scripts, and a source for every record.
 */
import { point, pointToPolygonDistance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { adminGeometry, adminUnit, isInAdmin, isKnownAdminCode } from '../../src/geo/index.js';
import { loadGazetteer } from '../../src/pipeline/resolve/gazetteer.js';
import { PLACE_KINDS } from '../../src/pipeline/resolve/gazetteer-types.js';

const { places } = loadGazetteer();

describe('gazetteer data', () => {
  it('is not trivially small and has every kind', () => {
    expect(places.length).toBeGreaterThan(1500);
    for (const kind of PLACE_KINDS) expect(places.some((p) => p.kind === kind), kind).toBe(true);
  });

  it('has unique ids', () => {
    const ids = places.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses only P-codes of the shipped boundaries, consistent with each other', () => {
    const bad: string[] = [];
    for (const p of places) {
      for (const [level, code] of [[1, p.adm1], [2, p.adm2], [3, p.adm3]] as const) {
        if (code === null) continue;
        if (!isKnownAdminCode(code) || adminUnit(code)?.level !== level) bad.push(`${p.id}: adm${level} ${code}`);
      }
      if (p.adm2 && !p.adm2.startsWith(p.adm1 ?? '?')) bad.push(`${p.id}: ${p.adm2} not in ${p.adm1}`);
      if (p.adm3 && !p.adm3.startsWith(p.adm2 ?? '?')) bad.push(`${p.id}: ${p.adm3} not in ${p.adm2}`);
      if (p.admin && !isKnownAdminCode(p.admin)) bad.push(`${p.id}: admin ${p.admin}`);
      for (const code of p.within ?? []) if (!isKnownAdminCode(code)) bad.push(`${p.id}: within ${code}`);
      if (!p.adm1) bad.push(`${p.id}: no adm1`);
    }
    expect(bad).toEqual([]);
  });

  it('places every point inside its stated governorate (or within its precision of it)', () => {
    const outside: string[] = [];
    for (const p of places) {
      if (!p.adm1 || isInAdmin(p.adm1, p.lon, p.lat)) continue;
      const km = Math.abs(pointToPolygonDistance(point([p.lon, p.lat]), adminGeometry(p.adm1)!, { units: 'kilometers' }));
      if (km > p.precision_km) outside.push(`${p.id} ${p.name}: ${km.toFixed(2)} km outside ${p.adm1}`);
    }
    expect(outside).toEqual([]);
  });

  it('places every sub-district coded point inside that sub-district, where the point is inside Syria', () => {
    const wrong = places.filter((p) => p.adm3 && isInAdmin(p.adm1!, p.lon, p.lat) && !isInAdmin(p.adm3, p.lon, p.lat));
    expect(wrong.map((p) => `${p.id} ${p.adm3}`)).toEqual([]);
  });

  it('has coordinates in Syria, a positive precision, names and sources', () => {
    for (const p of places) {
      expect(p.lat, p.id).toBeGreaterThan(32.2);
      expect(p.lat, p.id).toBeLessThan(37.4);
      expect(p.lon, p.id).toBeGreaterThan(35.6);
      expect(p.lon, p.id).toBeLessThan(42.5);
      expect(p.precision_km, p.id).toBeGreaterThan(0);
      expect(p.names[0], p.id).toBe(p.name);
      expect(p.sources.length, p.id).toBeGreaterThan(0);
    }
  });

  it('has Arabic names for the admin units and most places', () => {
    const admin = places.filter((p) => p.admin && p.kind !== 'area');
    expect(admin.every((p) => p.name_ar && /[\u0600-\u06ff]/.test(p.name_ar))).toBe(true);
    const withArabic = places.filter((p) => p.names_ar.length > 0).length;
    expect(withArabic / places.length).toBeGreaterThan(0.85);
  });

  it('cites a source for every curated area', () => {
    const curated = places.filter((p) => p.id.startsWith('area:') && !p.region);
    expect(curated.length).toBeGreaterThanOrEqual(15);
    for (const p of curated) expect(p.sources.join(' '), p.id).toMatch(/truce:curated \(.{20,}\)/);
  });

  it('has a direction area for the countryside of each governorate but Damascus city', () => {
    for (const gov of ['SY02', 'SY03', 'SY04', 'SY05', 'SY06', 'SY07', 'SY09']) {
      // Latakia city is on the coast: nothing lies west of it
      for (const d of gov === 'SY06' ? ['north', 'south', 'east'] : ['north', 'south', 'east', 'west']) {
        expect(places.some((p) => p.region?.adm1 === gov && p.region.direction === d), `${gov} ${d}`).toBe(true);
      }
    }
  });
});

describe('gazetteer names', () => {
  const g = loadGazetteer();

  it('finds every place under every one of its names', () => {
    const lost: string[] = [];
    for (const p of places) {
      for (const n of [...p.names, ...p.names_ar]) {
        if (!g.lookup(n, { limit: 1000 }).some((c) => c.id === p.id)) lost.push(`${p.id}: ${n}`);
      }
    }
    expect(lost).toEqual([]);
  });

  it('finds every town and city in running text under its name (or a variant when the name is an English word)', () => {
    const missed: string[] = [];
    const found = (p: (typeof places)[number], name: string): boolean => {
      const bare = name.replace(/^(as|at|an|ad|ed|en|es|et|il) /i, '');
      const m = g.findMentions(`Shelling hit ${name} on Monday.`, { context: false });
      return m.some((x) => x.text === bare && x.candidates.some((c) => c.id === p.id));
    };
    for (const p of places.filter((x) => x.kind === 'city' || x.kind === 'town')) {
      if (!found(p, p.name) && !(/^(Hole|Tell|Seen|Asia)$/.test(p.name) && p.names.some((n) => found(p, n)))) missed.push(p.name);
    }
    expect(missed).toEqual([]);
  });
});
