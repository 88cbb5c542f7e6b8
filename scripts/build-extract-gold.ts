/**
 * One-off generator of the extraction gold in test/gold/ (run: npx tsx scripts/build-extract-gold.ts).
 * Reads the openly licensed texts in /work/shared/data (FA-KES, CC BY 4.0; Syrian Archive,
 * CC BY-SA 4.0) and writes self-contained JSONL files: {id, corpus, split, published, text, gold}.
 * Tests and the evaluation read only the committed output. See test/gold/SOURCES.md.
 *
 * - fakes-hand.jsonl: 72 FA-KES articles (every 12th row from rows 0 and 6, and the first 24 from row 3), labelled by hand
 *   per docs/labelling-guide.md (labels in fakes-hand.labels.jsonl).
 * - investigations-hand.jsonl: 18 Syrian Archive investigations, labelled by hand from their text.
 * - fakes-crowd.jsonl: every FA-KES dev article with the dataset's own crowd-sourced gold
 *   (location = governorate, actor category, cause of death, victim counts), mapped to our fields.
 * - syrian-archive-records.jsonl: Syrian Archive violation records whose description names the
 *   record's town or governorate and that have coordinates; gold place = the record's coordinates,
 *   type/by from the record's weapon and violation category when those imply one.
 * Split: a stable hash of the id puts half the documents in `dev`, half in `test`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { adminAt } from '../src/geo/index.js';
import { normalizeName } from '../src/pipeline/resolve/normalize-name.js';

const SHARED = '/work/shared/data';
const OUT = new URL('../test/gold/', import.meta.url).pathname;

const split = (id: string) => (createHash('sha1').update(id).digest()[0] % 2 === 0 ? 'dev' : 'test');
const readLabels = (f: string) =>
  readFileSync(`${OUT}${f}`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; published: string; [k: string]: unknown });
const write = (f: string, rows: unknown[]) => writeFileSync(`${OUT}${f}`, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);

type Row = Record<string, string>;
const fakes = parse(readFileSync(`${SHARED}/news/fakes_syria_articles_dev.csv`), { columns: true }) as Row[];
const byUnit = new Map(fakes.map((r) => [r.unit_id, r]));

// 1. hand-labelled FA-KES articles
write(
  'fakes-hand.jsonl',
  readLabels('fakes-hand.labels.jsonl').map(({ id, published, ...gold }) => {
    const r = byUnit.get(id);
    if (!r) throw new Error(`FA-KES unit ${id} not found`);
    return { id: `fakes-${id}`, corpus: 'fakes-hand', split: split(id), published, source: r.source, text: `${r.article_content}\n`, gold };
  }),
);

// 2. hand-labelled Syrian Archive investigations (English versions)
write(
  'investigations-hand.jsonl',
  readLabels('investigations-hand.labels.jsonl').map(({ id, published, ...gold }) => {
    const text = readFileSync(`${SHARED}/news/syrian_archive_investigations/${id}.en.txt`, 'utf8');
    return { id: `sa-inv-${id}`, corpus: 'investigations-hand', split: split(id), published, source: 'Syrian Archive', text, gold };
  }),
);

// 3. FA-KES crowd gold
const GOV: Record<string, string[]> = {
  aleppo: ['SY02'], damascus: ['SY01', 'SY03'], idlib: ['SY07'], 'deir ezzor': ['SY09'], raqqa: ['SY11'], homs: ['SY04'],
  hasakeh: ['SY08'], daraa: ['SY12'], hama: ['SY05'], lattakia: ['SY06'], quneitra: ['SY14'], tartous: ['SY10'], sweida: ['SY13'],
};
const CAUSE: Record<string, string[]> = {
  shelling: ['air_drone_strike', 'shelling_artillery_missile_attack'],
  explosion: ['remote_explosive_landmine_ied', 'suicide_bomb'],
  'chemical and toxic gases': ['chemical_weapon'],
  shooting: ['armed_clash', 'attack'],
  execution: ['attack'],
};
const ACTOR: Record<string, string> = {
  'syrian government or russian troops': 'government-or-russia',
  'the organization of the islamic state in iraq and the levant - isis': 'islamic-state',
  'international coalition forces': 'coalition',
  'armed opposition groups': 'opposition',
  'self administration forces': 'sdf',
  'al-nusra front': 'nusra',
  unknown: 'unknown',
};
write(
  'fakes-crowd.jsonl',
  fakes.map((r) => {
    const civ = Number(r.nb_civilians) || 0;
    const non = Number(r.nb_noncivilians) || 0;
    return {
      id: `fakes-${r.unit_id}`,
      corpus: 'fakes-crowd',
      split: split(r.unit_id),
      published: r.date_iso,
      source: r.source,
      text: `${r.article_content}\n`,
      gold: {
        types: CAUSE[r.cause_of_death],
        place: GOV[r.location] ? { admin1_any: GOV[r.location] } : undefined,
        by_category: ACTOR[r.actor],
        fatalities: civ + non > 0 ? { total: civ + non } : undefined,
        credible: r.label === '1',
      },
    };
  }),
);

// 4. Syrian Archive violation records
const sa = parse(readFileSync(`${SHARED}/events/syrian_archive_violations_dev.csv`), { columns: true }) as Row[];
const records = sa
  .filter((r) => r.Latitude && r.Longitude && r.Description)
  .filter((r) => {
    const d = ` ${normalizeName(r.Description)} `;
    const names = [r.Neighborhood, r.City].filter(Boolean).map((n) => normalizeName(n.replace(/\b(?:mantiqah|nahiyah)\b/gi, '')));
    return names.some((n) => n.length > 2 && d.includes(` ${n} `));
  })
  .sort((a, b) => createHash('sha1').update(a.Database_ID).digest('hex').localeCompare(createHash('sha1').update(b.Database_ID).digest('hex')))
  .slice(0, 300)
  .map((r) => {
    const lat = Number(r.Latitude);
    const lon = Number(r.Longitude);
    const codes = adminAt(lon, lat);
    const w = r.Weapons_Used.toLowerCase();
    const russian = r.Violation_Type === 'Alleged civilian casualties from Russian attacks';
    const type = /chemical|chlorine/.test(w) ? 'chemical_weapon' : /barrel|incendiary|cluster|ptab|ofab/.test(w) ? 'air_drone_strike' : undefined;
    return {
      id: `sa-rec-${r.Database_ID}`,
      corpus: 'syrian-archive-records',
      split: split(r.Database_ID),
      published: r.Recording_Date,
      source: 'Syrian Archive',
      text: `${r.Description}\n`,
      gold: {
        type,
        place: { name: r.Neighborhood || r.City, lat, lon, admin1: codes?.adm1 ?? undefined, admin2: codes?.adm2 ?? undefined },
        // the record's category says Russian; gold only when the description itself says so
        by: russian && /russia/i.test(r.Description) ? 'russia' : undefined,
      },
    };
  });
write('syrian-archive-records.jsonl', records);
process.stdout.write(`wrote gold: ${fakes.length} crowd, ${records.length} records\n`);
