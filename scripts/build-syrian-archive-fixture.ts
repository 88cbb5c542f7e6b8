/**
 * One-off: copies the columns the clustering test needs from the Syrian Archive records
 * (/work/shared/data/events/syrian_archive_violations_dev.csv, CC BY-SA 4.0, "Syrian Archive")
 * into test/fixtures/syrian-archive/violations.csv. Run: npx tsx scripts/build-syrian-archive-fixture.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const SRC = '/work/shared/data/events/syrian_archive_violations_dev.csv';
const OUT = new URL('../test/fixtures/syrian-archive/violations.csv', import.meta.url);
const COLUMNS = ['Database_ID', 'Recording_Date', 'City', 'Neighborhood', 'Latitude', 'Longitude', 'Violation_Type', 'Weapons_Used', 'Source', 'Description'];

const rows = parse(readFileSync(SRC), { columns: true, bom: true }) as Record<string, string>[];
const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const lines = [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => field((r[c] ?? '').replace(/\s+/g, ' ').trim())).join(','))];
writeFileSync(OUT, `${lines.join('\n')}\n`);
process.stdout.write(`${rows.length} rows -> ${OUT.pathname}\n`);
