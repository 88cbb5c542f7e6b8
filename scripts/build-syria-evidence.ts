/**
 * One-off generator of the demo evidence of the built-in Syria workspace:
 *
 *   npx tsx scripts/build-syria-evidence.ts
 *
 * 1. data/syria/evidence/syrian-archive.jsonl: one incident (formats.md §4) per Syrian Archive
 *    incident grouping (same recording date, governorate and neighbourhood) of
 *    /work/shared/data/events/syrian_archive_violations_dev.csv (Syrian Archive, CC BY-SA 4.0;
 *    scraped 2017-05-12 by the `seankross/syrianarchive` R package). The output is a derivative
 *    and stays under CC BY-SA 4.0 (see data/syria/SOURCES.md).
 * 2. data/syria/evidence/fixtures.jsonl: the hand-made incidents of test/syria/<agreement>/ in one file.
 *
 * Mapping (documented in data/syria/SOURCES.md):
 * - `when`: the recording date (the day of the video, usually the day of the attack) as a date.
 * - `where`: the record's coordinates; else the Syrian Archive place list (same licence) by
 *   governorate + neighbourhood; else the governorate's admin code. precision_km 2 for a
 *   neighbourhood or village, 10 when only the governorate is named. admin1/admin2 from the OCHA units.
 * - `type`: keywords of the descriptions and the Weapons_Used column, most specific first
 *   (chemical > barrel bomb/air > shelling > explosive device); unmatched records become `attack`
 *   with `type_basis: "default"`, so a reviewer can find them.
 * - `by`: only where the record says it: the archive's category "Alleged civilian casualties from
 *   Russian attacks" -> russian-aerospace-forces; otherwise actors named in the descriptions via the
 *   actor registry; barrel bombs -> syrian-arab-air-force (only government helicopters dropped them).
 *   An attribution stays an allegation (`attribution: "alleged"`).
 * - `against`: `civilians` when the category or description says civilians, children, a school,
 *   hospital, market or home were hit; otherwise absent.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { actorsFileSchema, incidentSchema } from '../src/domain/index.js';
import { adminAt } from '../src/geo/index.js';
import { createActorRegistry } from '../src/pipeline/resolve/actor-registry.js';
import { normalizeName } from '../src/pipeline/resolve/normalize-name.js';

const ROOT = join(import.meta.dirname, '..');
const SHARED = '/work/shared/data';
const OUT = join(ROOT, 'data', 'syria', 'evidence');

type Row = Record<string, string>;

const GOVERNORATE: Record<string, string> = {
  ALEPPO: 'SY02',
  IDLIB: 'SY07',
  DAMASCUS: 'SY03', // the archive's DAMASCUS is mostly Rural Damascus (Ghouta); coordinates decide when known
  HOMS: 'SY04',
  HAMA: 'SY05',
  DARAA: 'SY12',
  'DEIR EZZOR': 'SY09',
  LATTAKIA: 'SY06',
};

const TYPE_RULES: [RegExp, string][] = [
  [/chemical|chlorine|sarin|toxic gas|poison(ous)? gas|suffocat/i, 'chemical_weapon'],
  [/suicide/i, 'suicide_bomb'],
  [/barrel|air ?strike|airstrike|warplane|aircraft|aviation|aerial|jet|helicopter|air raid|bomber|raids?\b|cluster|incendiary|PTAB|OFAB/i, 'air_drone_strike'],
  [/shell|mortar|artillery|rocket|missile|tochka|grad|hell ?cannon|tank/i, 'shelling_artillery_missile_attack'],
  [/car bomb|ied|explosive device|booby|landmine|mine\b|explosion|blast/i, 'remote_explosive_landmine_ied'],
  [/sniper|shot dead|gunfire|shooting|executed|execution/i, 'attack'],
];
const CIVILIAN_RE =
  /civilian|child|children|kid|women|woman|school|hospital|medical|clinic|market|bakery|home|house|residential|mosque|family|camp|displaced|victims|casualties/i;

/** Percent-encoded Arabic file names are three times longer than the characters they encode. */
function readableUrl(u: string): string {
  try {
    return decodeURI(u).replace(/ /g, '%20');
  } catch {
    return u;
  }
}

const AGENT_BEFORE = /\b(by|from)\s+(the\s+)?$/i;
const AGENT_AFTER =
  /^['’]?s?\s*(\w+\s+){0,2}(target(s|ed|ing)?|bomb(s|ed|ing)?|shell(s|ed|ing)?|attack(s|ed)?|air ?strikes?|warplanes?|aircraft|helicopters?|jets?|forces (target|bomb|shell)|dropp|launch|fir(e|ed|ing))/i;

function slug(s: string): string {
  return normalizeName(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
}

function main(): void {
  const rows = parseCsv(readFileSync(join(SHARED, 'events', 'syrian_archive_violations_dev.csv'), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as Row[];
  const places = parseCsv(readFileSync(join(SHARED, 'geo', 'syrian_archive_locations_2015.csv'), 'utf8'), {
    columns: true,
  }) as Row[];
  const placeIndex = new Map<string, { lat: number; lon: number }>();
  for (const p of places) {
    placeIndex.set(`${p.region_name}|${normalizeName(p.name_en)}`, { lat: +p.latitude, lon: +p.longitude });
  }
  const actors = actorsFileSchema.parse(parseYaml(readFileSync(join(ROOT, 'data', 'syria', 'actors.yaml'), 'utf8')));
  const registry = createActorRegistry(actors);

  const clusters = new Map<string, Row[]>();
  for (const r of rows) {
    if (!r.Recording_Date || (!r.City && !r.Neighborhood)) continue;
    const key = `${r.Recording_Date}|${r.City}|${r.Neighborhood.trim()}`;
    clusters.set(key, [...(clusters.get(key) ?? []), r]);
  }

  const out: string[] = [];
  const ids = new Set<string>();
  const stats = { incidents: 0, located: 0, byKnown: 0, defaultType: 0, skipped: 0 };
  for (const [key, group] of [...clusters].sort(([a], [b]) => a.localeCompare(b))) {
    const [date, city, hood] = key.split('|');
    const text = group.map((r) => `${r.Description} ${r.Weapons_Used} ${r.Violation_Type}`).join(' \n ');
    // where
    const withCoords = group.find((r) => r.Latitude && r.Longitude);
    let where: Record<string, unknown>;
    if (withCoords) {
      where = { lat: +withCoords.Latitude, lon: +withCoords.Longitude, precision_km: 2 };
    } else {
      const hit = hood ? placeIndex.get(`${city}|${normalizeName(hood)}`) : placeIndex.get(`${city}|${normalizeName(city)}`);
      if (hit) where = { lat: hit.lat, lon: hit.lon, precision_km: hood ? 2 : 5 };
      else if (GOVERNORATE[city]) where = { admin: GOVERNORATE[city], precision_km: 10 };
      else {
        stats.skipped++;
        continue;
      }
    }
    if (hood) where.name = hood;
    else if (city) where.name = city.charAt(0) + city.slice(1).toLowerCase();
    if (typeof where.lat === 'number') {
      const adm = adminAt(where.lon as number, where.lat as number);
      if (!adm?.adm1) {
        stats.skipped++; // coordinates outside Syria: a data error upstream
        continue;
      }
      where.admin1 = adm.adm1;
      if (adm.adm2) where.admin2 = adm.adm2;
      stats.located++;
    }
    // type
    let type = 'attack';
    let typeBasis = 'default';
    for (const [re, t] of TYPE_RULES) {
      if (re.test(text)) {
        type = t;
        typeBasis = 'keywords';
        break;
      }
    }
    if (typeBasis === 'default') stats.defaultType++;
    // by
    let by: string | undefined;
    if (group.some((r) => /Russian attacks/i.test(r.Violation_Type))) by = 'russian-aerospace-forces';
    else if (/barrel/i.test(text)) by = 'syrian-arab-air-force';
    else {
      const counts = new Map<string, number>();
      const at = Date.parse(`${date}T12:00:00Z`);
      const descriptions = group.map((r) => r.Description).join(' \n ');
      for (const m of registry.findMentions(descriptions, at)) {
        const kind = m.id ? registry.get(m.id)?.kind : undefined;
        if (!m.id || kind === 'civilians' || kind === 'international') continue;
        // only an actor in the agent's position: "by the regime forces", "Russian warplanes targeting"
        const before = descriptions.slice(Math.max(0, m.start - 12), m.start);
        const after = descriptions.slice(m.end, m.end + 40);
        if (AGENT_BEFORE.test(before) || AGENT_AFTER.test(after)) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
      }
      const top = [...counts].sort((a, b) => b[1] - a[1]);
      if (top.length === 1 || (top.length > 1 && top[0][1] > top[1][1])) by = top[0][0];
    }
    if (by) stats.byKnown++;
    const against = group.some((r) => /civilian|protected|children/i.test(r.Violation_Type)) || CIVILIAN_RE.test(text);
    let id = `sa-${date}-${slug(hood || city)}`;
    for (let n = 2; ids.has(id); n++) id = `sa-${date}-${slug(hood || city)}-${n}`;
    ids.add(id);
    const incident = {
      id,
      when: date,
      where,
      type,
      ...(by ? { by } : {}),
      ...(against ? { against: 'civilians' } : {}),
      description: group[0].Description.trim(),
      sources: group.map((r) => ({
        outlet: r.Source.trim() || undefined,
        url: readableUrl(r.Video_URL || r.URLs_And_News) || undefined,
        title: r.Description.trim() || undefined,
        ...(r.Youtube_ID ? { youtube: r.Youtube_ID } : {}),
      })),
      type_basis: typeBasis,
      ...(by ? { attribution: 'alleged' } : {}),
      syrian_archive: {
        refs: group.map((r) => r.Reference_Code),
        violation_type: [...new Set(group.map((r) => r.Violation_Type).filter(Boolean))],
        weapons: [...new Set(group.map((r) => r.Weapons_Used).filter(Boolean))],
      },
      license: 'CC BY-SA 4.0, Syrian Archive (syrianarchive.org)',
    };
    incidentSchema.parse(incident);
    out.push(JSON.stringify(incident));
    stats.incidents++;
  }
  writeFileSync(join(OUT, 'syrian-archive.jsonl'), `${out.join('\n')}\n`);
  console.log('syrian-archive.jsonl', stats);

  // fixtures.jsonl: the agreement fixtures of test/syria, one file for the demo
  const fixtureDir = join(ROOT, 'test', 'syria');
  const lines: string[] = [];
  for (const d of readdirSync(fixtureDir).sort()) {
    const f = join(fixtureDir, d, 'incidents.jsonl');
    if (!existsSync(f)) continue;
    for (const line of readFileSync(f, 'utf8').split('\n')) if (line.trim()) lines.push(line);
  }
  const seen = new Set<string>();
  const unique = lines.filter((l) => {
    const id = JSON.parse(l).id as string;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  writeFileSync(join(OUT, 'fixtures.jsonl'), unique.length ? `${unique.join('\n')}\n` : '');
  console.log('fixtures.jsonl', unique.length, 'incidents');
}

main();
