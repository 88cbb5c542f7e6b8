/**
 * One-off generator: ISO 3166-1 numeric -> alpha-2 table (data/geo/iso3166-numeric-alpha2.json).
 * world-atlas (Natural Earth) identifies countries by the numeric code ("760" = Syria) while the
 * workspace format names them by alpha-2 ("SY"), so the run time needs this mapping. The codes are
 * the ISO 3166-1 standard's; they were read from the npm package i18n-iso-countries (MIT), installed
 * outside the project just for this run.
 *
 * Usage: npx tsx scripts/build-geo-iso-table.ts /tmp/isotmp/node_modules/i18n-iso-countries
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const modulePath = process.argv[2];
if (!modulePath) {
  console.error('usage: build-geo-iso-table.ts PATH_TO_i18n-iso-countries');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const countries = require(modulePath) as { getNumericCodes(): Record<string, string> };
const numeric = countries.getNumericCodes();
const table: Record<string, string> = {};
for (const code of Object.keys(numeric).sort()) table[code] = numeric[code];
const out = new URL('../data/geo/iso3166-numeric-alpha2.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(table, null, 0)}\n`);
console.log(`wrote ${Object.keys(table).length} codes to ${out.pathname}`);
