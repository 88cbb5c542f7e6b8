/**
 * One-off generator of the Syria gazetteer, data/gazetteer/places.jsonl, from the OCHA COD-AB
 * admin points, capitals and city neighbourhoods, GeoNames cities500 and the Syrian Archive place
 * list in /work/shared/data/geo, the places of Syrian Archive video records (data/events), plus the
 * hand-curated variants.json and curated-areas.json.
 *
 * 1. Every point is checked against the shipped boundaries (src/geo): admin codes are computed by
 *    point-in-polygon; a point outside Syria is tried with lat/lon swapped, then attached to a
 *    sub-district within 5 km; a source's own governorate that disagrees with its point is reported
 *    (and fixed by swapping when the swapped point lands in the stated governorate).
 * 2. Duplicates are merged: records that share a normalised name (Latin or Arabic) and lie within a
 *    few km (by kind: 8 km for cities ... 0.5 km for landmarks) are one place (union-find).
 * 3. Admin units, direction areas ("northern Hama countryside") and curated areas are added.
 * Exceptions go to data/gazetteer/build-report.md.
 *
 * Usage: npx tsx scripts/build-gazetteer.ts [/work/shared/data/geo] [.../events/syrian_archive_violations_dev.csv]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type Areal, adminAt, isInAdmin, PolygonIndex } from '../src/geo/index.js';
import { keyOf } from '../src/pipeline/resolve/gazetteer-text.js';
import type { Place, PlaceKind } from '../src/pipeline/resolve/gazetteer-types.js';
import { curatedAreas, directionAreas } from './build-gazetteer-areas.js';
import { coveringRadiusKm, distanceKm, type Located, locate } from './build-gazetteer-geo.js';
import {
  readAdminPoints,
  readCapitals,
  readGeonames,
  readNeighbourhoods,
  readSyrianArchive,
  readSyrianArchiveVideos,
  type SourceRecord,
} from './build-gazetteer-sources.js';

const DIR = process.argv[2] ?? '/work/shared/data/geo';
const VIDEOS = process.argv[3] ?? '/work/shared/data/events/syrian_archive_violations_dev.csv';
const OUT = new URL('../data/gazetteer/', import.meta.url);
const report: string[] = [];
const counts: Record<string, number> = {};
const count = (what: string): void => {
  counts[what] = (counts[what] ?? 0) + 1;
};
const r5 = (x: number): number => Math.round(x * 1e5) / 1e5;
const uniq = (xs: string[]): string[] => [...new Set(xs.filter(Boolean))];

// ---- read
const adminRecs = readAdminPoints(DIR);
const capitals = readCapitals(DIR);
const nb = readNeighbourhoods(DIR, distanceKm);
const geonames = readGeonames(DIR);
const archive = readSyrianArchive(DIR);
const videos = readSyrianArchiveVideos(VIDEOS);

// ---- admin units
const places: Place[] = [];
const labels = new Map<string, [number, number]>();
for (const r of adminRecs) {
  const level = r.ref.length === 4 ? 1 : r.ref.length === 6 ? 2 : 3;
  if (!isInAdmin(r.ref, r.lon, r.lat)) {
    report.push(`- admin label point of ${r.ref} ${r.name} lies outside its own unit`);
    count('admin label outside its unit');
  }
  labels.set(r.ref, [r.lon, r.lat]);
  places.push({
    id: r.ref,
    name: r.name,
    name_ar: r.names_ar[0],
    names: r.names,
    names_ar: r.names_ar,
    kind: r.kind,
    lat: r5(r.lat),
    lon: r5(r.lon),
    precision_km: Math.ceil(coveringRadiusKm([r.lon, r.lat], [r.ref])),
    adm1: r.ref.slice(0, 4),
    adm2: level >= 2 ? r.ref.slice(0, 6) : null,
    adm3: level === 3 ? r.ref : null,
    admin: r.ref,
    sources: [`ocha:${r.ref}`],
  });
}
const adminPlaces = new Map(places.map((p) => [p.id, p]));

// ---- point records: locate, check the stated governorate
interface Rec extends SourceRecord {
  at: Located;
}
const nbIndex = new PolygonIndex(nb.polygons.map((p) => ({ geometry: p.geometry as Areal, value: p.ref })));
const recs: Rec[] = [];
for (const r of [...capitals, ...nb.records, ...geonames, ...archive, ...videos]) {
  const tag = `${r.source}:${r.ref} "${r.name}"`;
  const at = locate(r.lon, r.lat);
  if (!at) {
    report.push(`- dropped ${tag}: point ${r.lat},${r.lon} is outside Syria (also when swapped)`);
    count('dropped: outside Syria');
    continue;
  }
  if (at.fix) {
    report.push(`- ${tag}: ${at.fix.kind}${at.fix.km !== undefined ? ` (${at.fix.km} km outside the OCHA outline)` : ''}`);
    count(`point ${at.fix.kind}`);
  }
  const stated = r.stated.adm1 ? [r.stated.adm1] : (r.regionAdm1 ?? []);
  if (stated.length && !stated.includes(at.codes.adm1 ?? '')) {
    const swapped = at.fix ? null : adminAt(r.lat, r.lon);
    if (swapped && stated.includes(swapped.adm1 ?? '')) {
      report.push(`- ${tag}: lat/lon swapped (stated ${stated.join('/')}), fixed`);
      count('adm1 mismatch fixed by swapping lat/lon');
      at.lon = r.lat;
      at.lat = r.lon;
      at.codes = swapped;
    } else {
      report.push(`- ${tag}: source says ${stated.join('/')}, point ${r.lat},${r.lon} is in ${at.codes.adm1}`);
      count(`adm1 of the point differs from the source label (${r.source})`);
    }
  } else if (r.stated.adm3 && r.stated.adm3 !== at.codes.adm3) count(`adm3 differs from source, recomputed (${r.source})`);
  // Syrian Archive points inside an OCHA neighbourhood polygon are neighbourhoods, not villages
  if (r.source.startsWith('syrian-archive') && r.kind === 'village' && nbIndex.first(at.lon, at.lat)) r.kind = 'neighbourhood';
  recs.push({ ...r, at });
}

// ---- Syrian Archive "X nahiyah"/"X mantiqah" records sit on the seat town of sub-district /
// district X: their names also go to the admin unit, and the record stays as that town.
for (const r of recs) {
  if (!r.adminLabel) continue;
  const own = r.adminLabel === 3 ? r.at.codes.adm3 : r.at.codes.adm2;
  const keys = new Set(r.names.map(keyOf));
  const unit = [...adminPlaces.values()].find((p) => p.id === own && p.names.some((n) => keys.has(keyOf(n))));
  if (unit) {
    unit.names_ar = uniq([...unit.names_ar, ...r.names_ar]);
    unit.sources.push(`syrian-archive:${r.ref}`);
    count('Syrian Archive admin labels whose names were added to their admin unit');
  }
  r.kind = 'town';
}

// ---- a Syrian Archive point that contradicts its own region label, where another source has a
// place of the same name inside that region, is a misplaced point: drop it (the other place stays)
const namedIn = new Map<string, Set<string>>();
const noteName = (names: string[], adm1: string | null): void => {
  for (const k of names.map(keyOf)) namedIn.set(k, (namedIn.get(k) ?? new Set()).add(adm1 ?? ''));
};
for (const p of adminPlaces.values()) noteName(p.names, p.adm1);
for (const r of recs) if (!r.source.startsWith('syrian-archive')) noteName(r.names, r.at.codes.adm1);
const pointRecs: Rec[] = recs.filter((r) => {
  if (!r.source.startsWith('syrian-archive') || !r.regionAdm1?.length || r.regionAdm1.includes(r.at.codes.adm1 ?? '')) return true;
  // Video geotags are often copied from another video: a mismatch there discredits the point.
  if (r.source === 'syrian-archive-video') {
    report.push(`- dropped ${r.source}:${r.ref} "${r.name}": its point lies in ${r.at.codes.adm1}, outside its region ${r.regionAdm1!.join('/')}`);
    count('dropped: Syrian Archive video point outside its region');
    return false;
  }
  const elsewhere = r.names.some((n) => r.regionAdm1!.some((g) => namedIn.get(keyOf(n))?.has(g)));
  if (elsewhere) {
    report.push(`- dropped ${r.source}:${r.ref} "${r.name}": its point lies in ${r.at.codes.adm1}, but its region ${r.regionAdm1!.join('/')} has a place of that name from another source`);
    count('dropped: Syrian Archive point contradicts its region, which has a same-named place');
  }
  return !elsewhere;
});

// ---- transliteration variants (variants.json): added before merging, so that "Saraqab" (OCHA)
// and "Saraqib" (GeoNames) 400 m apart are one place, and again to every place at the end
const { groups } = JSON.parse(readFileSync(new URL('variants.json', OUT), 'utf8')) as { groups: string[][] };
const ARABIC = /[\u0600-\u06ff]/;
const groupKeys = groups.map((g) => new Set(g.map(keyOf)));
function withVariants<T extends { names: string[]; names_ar: string[] }>(x: T): void {
  groups.forEach((group, i) => {
    if (!x.names.some((n) => groupKeys[i].has(keyOf(n)))) return;
    x.names = uniq([...x.names, ...group.filter((n) => !ARABIC.test(n))]);
    x.names_ar = uniq([...x.names_ar, ...group.filter((n) => ARABIC.test(n))]);
  });
}
for (const r of pointRecs) withVariants(r);

// ---- merge duplicates: same normalised name within a kind-dependent distance (union-find)
const MERGE_KM: Record<PlaceKind, number> = {
  city: 8, town: 4, village: 3, area: 5, neighbourhood: 1.5, landmark: 0.5,
  governorate: 0, district: 0, subdistrict: 0,
};
const parent = pointRecs.map((_, i) => i);
const find = (i: number): number => {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]]; // path halving (Tarjan & van Leeuwen 1984)
    i = parent[i];
  }
  return i;
};
const byKey = new Map<string, number[]>();
pointRecs.forEach((r, i) => {
  for (const k of new Set([...r.names, ...r.names_ar].map(keyOf))) if (k.length >= 2) byKey.set(k, [...(byKey.get(k) ?? []), i]);
});
for (const ids of byKey.values()) {
  for (let a = 0; a < ids.length; a++) {
    for (let b = a + 1; b < ids.length; b++) {
      const ra = pointRecs[ids[a]];
      const rb = pointRecs[ids[b]];
      const limit = Math.max(MERGE_KM[ra.kind], MERGE_KM[rb.kind]);
      if (distanceKm([ra.at.lon, ra.at.lat], [rb.at.lon, rb.at.lat]) <= limit) parent[find(ids[a])] = find(ids[b]);
    }
  }
}
const clusters = new Map<number, Rec[]>();
pointRecs.forEach((r, i) => {
  clusters.set(find(i), [...(clusters.get(find(i)) ?? []), r]);
});

const PRIORITY = ['geonames', 'ocha-capital', 'ocha-nb', 'syrian-archive', 'syrian-archive-video'] as const;
const PREFIX = { geonames: 'gn', 'ocha-capital': 'cap', 'ocha-nb': 'nb', 'syrian-archive': 'sa', 'syrian-archive-video': 'sav', 'ocha-admin': 'ocha' };
const SOURCE_TAG = {
  geonames: 'geonames',
  'ocha-capital': 'ocha-capital',
  'ocha-nb': 'ocha-nb',
  'syrian-archive': 'syrian-archive',
  'syrian-archive-video': 'syrian-archive-video',
  'ocha-admin': 'ocha',
};

function basePrecision(kind: PlaceKind, population: number | undefined, rec: Rec): number {
  if (kind === 'city') return (population ?? 0) >= 1_000_000 ? 10 : (population ?? 0) >= 200_000 ? 6 : 4;
  if (kind === 'town') return rec.adminLabel ? 3 : 2;
  if (kind === 'village') return 1;
  if (kind === 'neighbourhood') return rec.radius_km ?? 0.7;
  if (kind === 'landmark') return 0.3;
  return 10; // areas from admin labels
}

for (const members of clusters.values()) {
  members.sort((a, b) => PRIORITY.indexOf(a.source as never) - PRIORITY.indexOf(b.source as never));
  const best = members[0];
  const gn = members.find((m) => m.source === 'geonames');
  const nbRec = members.find((m) => m.source === 'ocha-nb');
  const kind: PlaceKind = gn?.kind ?? (best.source === 'ocha-capital' ? best.kind : nbRec ? 'neighbourhood' : best.kind);
  const population = gn?.population;
  const spread = Math.max(...members.map((m) => distanceKm([best.at.lon, best.at.lat], [m.at.lon, m.at.lat])));
  const snapped = best.at.fix?.kind === 'snapped' ? (best.at.fix.km ?? 0) : 0;
  const precision = Math.max(basePrecision(kind, population, nbRec ?? best), Math.ceil(spread * 10) / 10, Math.ceil(snapped * 10) / 10);
  const names = uniq(members.flatMap((m) => m.names));
  const names_ar = uniq(members.flatMap((m) => m.names_ar));
  if (members.length > 1) count('merged records');
  places.push({
    id: `${PREFIX[best.source]}:${best.ref}`,
    name: best.name,
    name_ar: names_ar[0],
    names: uniq([best.name, ...names]),
    names_ar,
    kind,
    lat: r5(best.at.lat),
    lon: r5(best.at.lon),
    precision_km: Math.round(precision * 10) / 10,
    adm1: best.at.codes.adm1,
    adm2: best.at.codes.adm2,
    adm3: best.at.codes.adm3,
    ...(population ? { population } : {}),
    sources: uniq(members.map((m) => `${SOURCE_TAG[m.source]}:${m.ref}`)),
  });
}

// ---- variants for admin units and everything else
for (const p of places) withVariants(p);

// ---- direction areas and curated areas
const seats = new Map<string, [number, number]>();
for (const c of capitals) if (c.kind === 'city' && c.stated.adm1) seats.set(c.stated.adm1, [c.lon, c.lat]);
for (const gov of ['SY01', 'SY03', 'SY14']) {
  // Damascus is the seat of Rural Damascus too; the capitals file may omit a seat
  if (!seats.has(gov)) {
    const city = places.find((p) => p.kind === 'city' && p.adm1 === gov) ?? places.find((p) => p.id === gov);
    if (city) seats.set(gov, [city.lon, city.lat]);
  }
}
if (!seats.has('SY01')) seats.set('SY01', [36.27671, 33.517175]); // capitals file, level 0 row (Damascus)
places.push(...directionAreas(seats, labels));
places.push(...curatedAreas(new URL('curated-areas.json', OUT), places, report));

// ---- write
places.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const seen = new Set<string>();
for (const p of places) {
  if (seen.has(p.id)) throw new Error(`duplicate id ${p.id}`);
  seen.add(p.id);
}
const jsonl = `${places.map((p) => JSON.stringify(p)).join('\n')}\n`;
writeFileSync(new URL('places.jsonl', OUT), jsonl);
const kinds: Record<string, number> = {};
for (const p of places) kinds[p.kind] = (kinds[p.kind] ?? 0) + 1;
const summary = [
  '# Gazetteer build report',
  '',
  'Generated by scripts/build-gazetteer.ts; lists every exception found in the sources and what was done.',
  '',
  `Places: ${places.length} (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}); source records: ${adminRecs.length + capitals.length + nb.records.length + geonames.length + archive.length + videos.length}.`,
  '',
  '## Counts',
  ...Object.entries(counts).sort().map(([k, n]) => `- ${k}: ${n}`),
  '',
  '## Exceptions',
  ...report,
  '',
];
writeFileSync(new URL('build-report.md', OUT), summary.join('\n'));
console.log(summary.slice(0, 6 + Object.keys(counts).length + 3).join('\n'));
console.log(`places.jsonl: ${jsonl.length} bytes`);
