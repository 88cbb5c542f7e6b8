/**
 * Quality check of the gazetteer against ACLED's own geocoding (not a test: ACLED rows may not be
 * committed, so this reads /work/shared at run time and only prints figures). For every event:
 * lookup(location, {adm1: ACLED admin1}) and the distance from the top candidate to ACLED's point.
 *
 * Usage: npx tsx scripts/build-gazetteer-check-acled.ts [/work/shared/data/events/acled_syria_2020-05_dev.csv]
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { lookup } from '../src/pipeline/resolve/gazetteer.js';
import { distanceKm } from './build-gazetteer-geo.js';

const file = process.argv[2] ?? '/work/shared/data/events/acled_syria_2020-05_dev.csv';
const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
let found = 0;
let within5 = 0;
let withinPrecision = 0;
let fuzzy = 0;
const missing = new Map<string, number>();
const far: string[] = [];
for (const r of rows) {
  const c = lookup(r.location, { adm1: r.admin1 })[0];
  if (!c) {
    missing.set(`${r.location} (${r.admin1})`, (missing.get(`${r.location} (${r.admin1})`) ?? 0) + 1);
    continue;
  }
  found++;
  if (c.matched === 'fuzzy') fuzzy++;
  const d = distanceKm([c.lon, c.lat], [Number(r.longitude), Number(r.latitude)]);
  if (d <= 5) within5++;
  if (d <= Math.max(5, c.precision_km)) withinPrecision++;
  else far.push(`${r.location} (${r.admin1}) -> ${c.id} ${c.name} ${c.adm1} ${d.toFixed(1)} km`);
}
const pct = (n: number) => `${((100 * n) / rows.length).toFixed(1)}%`;
console.log(`ACLED events: ${rows.length}; location found ${pct(found)} (fuzzy ${fuzzy}); top candidate within 5 km ${pct(within5)}; within max(5 km, precision) ${pct(withinPrecision)}`);
console.log(`missing (${missing.size} names):`, [...missing].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, n]) => `${k}×${n}`).join('; '));
console.log('far:', [...new Set(far)].slice(0, 30).join('\n  '));
