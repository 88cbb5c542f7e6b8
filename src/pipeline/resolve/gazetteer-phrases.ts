/**
 * The phrases under which a place can be named, as match keys: its names and variants, and the
 * expressions reports build from them ("Idlib province", "rural Hama", "Azaz town", "ريف حلب",
 * "the northern Hama countryside", "Hama's northern countryside", "ريف حماة الشمالي").
 * Keys are built from already-normalised parts, which equals normalising the whole phrase because
 * normalizeName works word by word.
 */
import { keyOf } from './gazetteer-text.js';
import type { Direction, Place, PlaceKind } from './gazetteer-types.js';

export type MatchType = 'name' | 'variant' | 'phrase';

export interface Phrase {
  key: string;
  matched: MatchType;
}

const ARABIC = /[\u0600-\u06ff]/;

/** Latin templates per kind; {} is the name. Arabic templates prefix a noun. */
const LATIN_TEMPLATES: Partial<Record<PlaceKind, string[]>> = {
  governorate: [
    '{} province', '{} governorate', '{} countryside', '{} region', 'rural {}', 'countryside of {}',
    'province of {}', 'governorate of {}', '{}s countryside', '{}s province', '{} muhafazah', '{} muhafaza',
  ],
  district: ['{} district', '{} mantiqah', '{} mintaqa', '{} area'],
  subdistrict: ['{} subdistrict', '{} sub district', '{} nahiya', '{} nahiyah', '{} nahia'],
  city: ['{} city', 'city of {}'],
  town: ['{} town', 'town of {}'],
  village: ['{} village', 'village of {}'],
  neighbourhood: ['{} neighbourhood', '{} neighborhood', '{} quarter'],
};
const ARABIC_PREFIX: Partial<Record<PlaceKind, string[]>> = {
  governorate: ['محافظة', 'ريف'],
  district: ['منطقة'],
  subdistrict: ['ناحية'],
  city: ['مدينة'],
  town: ['بلدة', 'مدينة'],
  village: ['قرية', 'بلدة'],
  neighbourhood: ['حي'],
};

/** Damascus city (SY01): "Damascus countryside/province" means Rural Damascus (SY03), named there. */
const CITY_ONLY_GOVERNORATE = new Set(['SY01']);

const wordKeys = new Map<string, string>();
const wordKey = (w: string): string => {
  let k = wordKeys.get(w);
  if (k === undefined) {
    k = keyOf(w);
    wordKeys.set(w, k);
  }
  return k;
};

const fill = (template: string, nameKey: string): string =>
  template
    .split(' ')
    .map((w) => (w === '{}' ? nameKey : w === '{}s' ? `${nameKey}s` : wordKey(w)))
    .filter(Boolean)
    .join(' ');

export function placePhrases(p: Place): Phrase[] {
  const out = new Map<string, MatchType>();
  const add = (key: string, matched: MatchType): void => {
    if (key && !out.has(key)) out.set(key, matched);
  };
  add(keyOf(p.name), 'name');
  if (p.name_ar) add(keyOf(p.name_ar), 'name');
  for (const n of [...p.names, ...p.names_ar]) add(keyOf(n), 'variant');
  if (p.region) return [...out].map(([key, matched]) => ({ key, matched }));
  const latin = p.kind === 'governorate' && CITY_ONLY_GOVERNORATE.has(p.id) ? ['{} governorate', 'governorate of {}'] : LATIN_TEMPLATES[p.kind];
  const arabic = p.kind === 'governorate' && CITY_ONLY_GOVERNORATE.has(p.id) ? ['محافظة'] : ARABIC_PREFIX[p.kind];
  for (const n of p.names) {
    if (ARABIC.test(n)) continue;
    const k = keyOf(n);
    for (const t of latin ?? []) add(fill(t, k), 'phrase');
  }
  for (const n of p.names_ar) {
    const k = keyOf(n);
    for (const prefix of arabic ?? []) add(`${wordKey(prefix)} ${k}`, 'phrase');
  }
  return [...out].map(([key, matched]) => ({ key, matched }));
}

const DIRECTION_WORDS: Record<Direction, string[]> = {
  north: ['north', 'northern'],
  south: ['south', 'southern'],
  east: ['east', 'eastern'],
  west: ['west', 'western'],
  northeast: ['northeast', 'northeastern', 'north east', 'north eastern'],
  northwest: ['northwest', 'northwestern', 'north west', 'north western'],
  southeast: ['southeast', 'southeastern', 'south east', 'south eastern'],
  southwest: ['southwest', 'southwestern', 'south west', 'south western'],
};
const ARABIC_DIRECTION: Record<Direction, string> = {
  north: 'الشمالي',
  south: 'الجنوبي',
  east: 'الشرقي',
  west: 'الغربي',
  northeast: 'الشمالي الشرقي',
  northwest: 'الشمالي الغربي',
  southeast: 'الجنوبي الشرقي',
  southwest: 'الجنوبي الغربي',
};
const REGION_TEMPLATES = [
  '{d} {} countryside', '{d} countryside of {}', '{} {d} countryside', '{}s {d} countryside', '{d} rural {}',
  'rural {d} {}', '{d} {} province', '{d} {} governorate', '{d} {} region', '{d} parts of {}', '{d} {} suburbs',
  '{d} suburbs of {}', 'countryside of {d} {}', '{d} of {}',
];
/** "northern Hama" alone also means the countryside; not for Damascus, where it means city quarters. */
const BARE_TEMPLATE = '{d} {}';

/**
 * Phrases of a direction area ("northern Hama countryside"), from the Latin and Arabic names of
 * the governorate it lies in (for the Damascus countryside: the names of Damascus).
 */
export function regionPhrases(area: Place, governorate: Place, damascus: Place | undefined): Phrase[] {
  const region = area.region!;
  const named = region.adm1 === 'SY03' && damascus ? damascus : governorate;
  const out = new Map<string, MatchType>();
  const add = (key: string): void => {
    if (key && !out.has(key)) out.set(key, 'phrase');
  };
  add(keyOf(area.name));
  const templates = region.adm1 === 'SY03' ? REGION_TEMPLATES : [...REGION_TEMPLATES, BARE_TEMPLATE];
  for (const n of named.names) {
    if (ARABIC.test(n)) continue;
    const k = keyOf(n);
    for (const d of DIRECTION_WORDS[region.direction]) {
      for (const t of templates) add(fill(t.replace('{d}', d), k));
    }
  }
  for (const n of named.names_ar) add(`${wordKey('ريف')} ${keyOf(n)} ${wordKey(ARABIC_DIRECTION[region.direction])}`);
  return [...out].map(([key]) => ({ key, matched: 'phrase' as const }));
}
