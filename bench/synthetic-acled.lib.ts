/**
 * Seeded synthetic ACLED exports (the real ACLED rows may not be committed): the columns of an
 * ACLED export, Syrian places, actors and outlets, and the duplicates real feeds have: the same
 * row again (an overlapping re-download) and the same event reported by another outlet under a
 * new event id (what clustering must merge). PRNG: mulberry32 (Tommy Ettinger, public domain).
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { mulberry32 } from './mulberry32.lib.js';
export { mulberry32 } from './mulberry32.lib.js';

export const ACLED_HEADER = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1', 'inter1',
  'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude',
  'geo_precision', 'source', 'source_scale', 'notes', 'fatalities',
];

const SUB_EVENTS: [string, string, number][] = [
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack', 30],
  ['Explosions/Remote violence', 'Air/drone strike', 20],
  ['Battles', 'Armed clash', 18],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED', 6],
  ['Violence against civilians', 'Attack', 8],
  ['Violence against civilians', 'Abduction/forced disappearance', 3],
  ['Strategic developments', 'Looting/property destruction', 3],
  ['Strategic developments', 'Arrests', 3],
  ['Protests', 'Peaceful protest', 6],
  ['Battles', 'Government regains territory', 1],
  ['Battles', 'Non-state actor overtakes territory', 1],
  ['Explosions/Remote violence', 'Suicide bomb', 1],
];
const ACTORS = [
  'Military Forces of Syria (2000-)', 'Military Forces of Russia (2000-)', 'Military Forces of Turkey (2016-)',
  'Hayat Tahrir al-Sham', 'QSD: Syrian Democratic Forces', 'Islamic State (Syria)', 'Opposition Rebels (Syria)',
  'Unidentified Armed Group (Syria)', 'Jaish al-Islam', 'Ahrar al-Sham', 'Hezbollah', 'Military Forces of Israel (1948-)',
];
const GOVERNORATES: [string, number, number][] = [
  ['Idleb', 35.8, 36.6], ['Aleppo', 36.2, 37.2], ['Hama', 35.2, 36.8], ['Homs', 34.7, 36.9], ['Rural Damascus', 33.5, 36.4],
  ['Dara', 32.7, 36.1], ['Deir ez Zor', 35.3, 40.1], ['Ar-Raqqa', 35.9, 39.0], ['Al-Hasakeh', 36.5, 40.7], ['Lattakia', 35.6, 35.9],
];
const OUTLETS = ['SOHR', 'SNHR', 'Step News Agency', 'Smart News Agency', 'Enab Baladi', 'SANA', 'Liveuamap', 'Orient News', 'Reuters', 'AFP'];
const WORDS = 'regime forces shelled the town with artillery rockets and heavy machine guns killing civilians including children near the market in the countryside of the area while clashes continued overnight reported by local sources'.split(' ');

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface SynthOptions {
  rows: number;
  seed?: number;
  /** share of rows that repeat an earlier row exactly */
  exactDuplicates?: number;
  /** share of rows that report an earlier event again from another outlet */
  nearDuplicates?: number;
  from?: string;
  days?: number;
}

interface Event {
  cells: string[];
  day: number;
}

/** Writes `rows` data rows (plus the header), dates ascending. Returns the number of distinct events. */
export async function writeSyntheticAcled(path: string, opts: SynthOptions): Promise<{ rows: number; events: number; exact: number; near: number }> {
  const rnd = mulberry32(opts.seed ?? 20161230);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)];
  const total = SUB_EVENTS.reduce((s, e) => s + e[2], 0);
  const subEvent = () => {
    let r = rnd() * total;
    for (const e of SUB_EVENTS) {
      r -= e[2];
      if (r < 0) return e;
    }
    return SUB_EVENTS[0];
  };
  // 3,000 towns scattered around the governorate centres
  const towns = Array.from({ length: 3000 }, (_, i) => {
    const g = pick(GOVERNORATES);
    return { name: `Town ${i}`, admin1: g[0], lat: +(g[1] + (rnd() - 0.5) * 1.2).toFixed(4), lon: +(g[2] + (rnd() - 0.5) * 1.2).toFixed(4) };
  });
  const start = Date.parse(`${opts.from ?? '2016-01-01'}T00:00:00Z`);
  const days = opts.days ?? 1461;
  const exactShare = opts.exactDuplicates ?? 0.05;
  const nearShare = opts.nearDuplicates ?? 0.2;
  const out = createWriteStream(path);
  out.write(`${ACLED_HEADER.join(',')}\n`);
  const recent: Event[] = [];
  let events = 0;
  let exact = 0;
  let near = 0;
  let buf = '';
  for (let i = 0; i < opts.rows; i++) {
    const day = Math.min(days - 1, Math.floor((i / opts.rows) * days));
    const r = rnd();
    let cells: string[];
    if (recent.length > 50 && r < exactShare) {
      cells = pick(recent).cells;
      exact++;
    } else if (recent.length > 50 && r < exactShare + nearShare) {
      const base = recent[recent.length - 1 - Math.floor(rnd() * 50)];
      cells = [...base.cells];
      cells[0] = `SYR${900000000 + i}`;
      cells[21] = pick(OUTLETS);
      cells[23] = `${cells[23].slice(0, 60)} ${pick(WORDS)} ${pick(WORDS)} (another account).`;
      cells[24] = String(Math.max(0, Number(cells[24]) + (rnd() < 0.3 ? 1 : 0)));
      near++;
    } else {
      const [eventType, sub] = subEvent();
      const town = pick(towns);
      const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      const words = Array.from({ length: 20 + Math.floor(rnd() * 20) }, () => pick(WORDS)).join(' ');
      const a1 = pick(ACTORS);
      const a2 = rnd() < 0.4 ? `Civilians (Syria)` : rnd() < 0.5 ? pick(ACTORS) : '';
      cells = [
        `SYR${100000 + i}`, date, date.slice(0, 4), rnd() < 0.9 ? '1' : '2', eventType, sub, a1, rnd() < 0.2 ? pick(ACTORS) : '', '1',
        a2, '', a2 ? '7' : '0', a2 ? '17' : '10', 'Syria', town.admin1, `${town.admin1} district`, '', town.name, String(town.lat), String(town.lon),
        rnd() < 0.8 ? '1' : '2', pick(OUTLETS), 'National', `On ${date}, ${words}.`, String(rnd() < 0.6 ? 0 : Math.floor(rnd() * 12)),
      ];
      events++;
      recent.push({ cells, day });
      if (recent.length > 400) recent.splice(0, 200);
    }
    buf += `${cells.map(csvField).join(',')}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((res) => out.once('drain', () => res()));
      buf = '';
    }
  }
  out.end(buf);
  await finished(out);
  return { rows: opts.rows, events, exact, near };
}
