/**
 * Place mentions with honest precision.
 *
 * The gazetteer finds names; this file adds what the words around a name say about how
 * precise it is (the approach of geoparsers such as Edinburgh Geoparser / Mordecai that keep
 * the feature class and widen uncertainty for regional phrases):
 *   "Khan Sheikhoun"            the town's point, a few km
 *   "northern Hama", "Hama province", "Hama countryside", "a village in Deir Ezzor province"
 *                               the governorate (admin-1) with its radius as precision
 *   "outskirts of X", "near X"  X widened by 5 km
 * Several candidates for one name are settled by a governorate named nearby (same sentence,
 * then same paragraph, then the report).
 */
import { adminAt, adminUnit } from '../../geo/index.js';
import type { Span } from './fatalities.js';
import { allMatches } from './regex.js';

export type PlaceLevel = 'governorate' | 'district' | 'subdistrict' | 'place' | 'neighbourhood';

export interface PlaceRecord {
  name: string;
  lat: number;
  lon: number;
  level: PlaceLevel;
  admin1?: string;
  admin2?: string;
  /** radius (km) the point stands for: 0-5 for a town, the unit's radius for an admin area */
  precision_km: number;
}

export interface PlaceMention extends Span {
  /** all candidates the name matched, best first */
  candidates: PlaceRecord[];
}

/** What extraction needs from a gazetteer. */
export interface PlaceFinder {
  findMentions(text: string): PlaceMention[];
  /** ranked candidates for one name, `adm1` a governorate named nearby; fuzzy matches flagged */
  lookup?(name: string, adm1?: string): Array<PlaceRecord & { fuzzy?: boolean }>;
}

/**
 * "the town of Turmanin", "Haas village": a name the gazetteer's exact index missed, in a phrase
 * that says it is a place. Looked up (with spelling tolerance) and kept only inside the
 * governorate named nearby, so that a fuzzy match cannot move the incident across the country.
 */
const NAMED_PLACE =
  /\b(?:town|village|city|neighbou?rhood|district|suburb|camp|area) of ((?:al-|el-|Al-|Al )?[\p{Lu}][\p{L}'’-]+(?:\s+(?:al-)?[\p{Lu}][\p{L}'’-]+)?)|\b((?:al-|Al-)?[\p{Lu}][\p{L}'’-]+(?:\s+(?:al-|Al-|Al\s+|al\s+)?[\p{Lu}][\p{L}'’-]+)?)\s+(?:town|village|city|neighbou?rhood|district|camp|area|suburb)\b/gu;
export function namedPlaceMentions(
  text: string,
  finder: PlaceFinder,
  known: PlaceMention[],
  govOf: (at: number) => string | undefined,
): PlaceMention[] {
  const lookup = finder.lookup;
  if (!lookup) return [];
  const out: PlaceMention[] = [];
  const add = (name: string, start: number, gov: string | undefined): boolean => {
    const end = start + name.length;
    // a longer name may contain a shorter known one ("Khan Al Sheikh" holds "Khan"): the caller
    // keeps the longest of overlapping mentions
    const inside = (k: PlaceMention) => k.start < end && start < k.end && !(k.start >= start && k.end <= end && k.end - k.start < end - start);
    if (!gov || known.some(inside) || out.some((k) => k.start < end && start < k.end)) return false;
    const c = lookup(name, gov).filter((x) => x.admin1 === gov && x.level !== 'governorate');
    if (c.length) out.push({ start, end, text: name, candidates: c });
    return c.length > 0;
  };
  for (const m of allMatches(NAMED_PLACE, text)) {
    const name = m[1] ?? m[2];
    add(name, (m.index ?? 0) + m[0].indexOf(name), govOf((m.index ?? 0) + m[0].indexOf(name)));
  }
  // the address forms of field reports and video titles: "Ghanto, Homs", "Homs - Ghanto",
  // "Daraa: Nawa", "Aleppo _ Kafr Halab" (a governorate beside a name the index missed)
  for (const k of known) {
    const gov = k.candidates.find((c) => c.level === 'governorate')?.admin1;
    if (!gov) continue;
    const after = ADDRESS_AFTER.exec(text.slice(k.end, k.end + 60));
    if (after) {
      const start = k.end + after.index + after[0].length - after[1].length;
      if (!add(after[1], start, gov) && after[2]) add(after[1].slice(0, -after[2].length).trimEnd(), start, gov);
    }
    const before = ADDRESS_BEFORE.exec(text.slice(Math.max(0, k.start - 60), k.start));
    if (before) add(before[1], Math.max(0, k.start - 60) + before.index, gov);
  }
  return out;
}
/** "Homs - Tal bessa", "Daraa: Nawa": the name after a governorate and a separator (group 2: its second word) */
const ADDRESS_AFTER = /^\s*(?:[-_:|–]+|\|\|)\s*((?:al-|Al-|Al )?[\p{Lu}][\p{L}'’-]+(\s+[\p{L}][\p{L}'’-]+)?)/u;
/** "Ghanto, Homs", "Umm Sharshouh. Homs": the name before a governorate */
const ADDRESS_BEFORE = /((?:al-|Al-|Al )?[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)?)\s*[,.]\s*$/u;

/** Of overlapping mentions, the one spanning the others ("Khan Al Sheikh" over "Khan"). */
export function longestMentions(ms: PlaceMention[]): PlaceMention[] {
  return ms.filter((m) => !ms.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
}

export interface ResolvedPlace extends Span {
  place: PlaceRecord;
  /** the phrase widened the place ("northern", "countryside", "province") */
  qualifier?: string;
}

const DIRECTION =
  /\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+(?:rural\s+)?$/i;
const BEFORE_AREA =
  /\b(?:rural|countryside of|suburbs of|the province of|the governorate of|province of|governorate of)\s+$/i;
const AFTER_AREA =
  /^\s*(?:province|governorate|countryside|region|suburbs|countryside|district|area|'s countryside|rural area)/i;
const NEAR =
  /\b(?:near|outskirts of|around|close to|outside|vicinity of|km (?:from|of|north of|south of|east of|west of))\s+(?:the\s+)?(?:(?:town|city|village) of\s+)?$/i;
/** "north of Aleppo": somewhere on that side, typically within a few tens of km */
const SIDE_OF =
  /\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?(?:(?:town|city|village) of\s+)?$/i;

/** Radius of a circle with the admin unit's area: the honest precision of "somewhere in it". */
export function adminRadiusKm(pcode: string | undefined): number {
  const u = pcode ? adminUnit(pcode) : undefined;
  return u ? Math.round(Math.sqrt(u.area_sqkm / Math.PI)) : 50;
}

/**
 * Pick a candidate for each mention and widen it by its context. `gov` is the governorate
 * (admin-1 code) most named around the mention, used to settle ambiguous names.
 */
export function resolvePlace(text: string, m: PlaceMention, govHint?: string): ResolvedPlace | undefined {
  let cand = m.candidates[0];
  if (!cand) return undefined;
  if (govHint && m.candidates.length > 1) cand = m.candidates.find((c) => c.admin1 === govHint) ?? cand;
  const before = text.slice(Math.max(0, m.start - 40), m.start);
  const after = text.slice(m.end, m.end + 25);
  let place: PlaceRecord = withAdmin(cand);
  let start = m.start;
  let end = m.end;
  let qualifier: string | undefined;
  const dir = DIRECTION.exec(before);
  const area = BEFORE_AREA.exec(before);
  const aft = AFTER_AREA.exec(after);
  if (dir || area || aft) {
    // the unit the phrase speaks of: a governorate stays one, a town's "countryside" is its district
    const code = place.level === 'governorate' ? place.admin1 : (place.admin2 ?? place.admin1);
    const unit = code ? adminUnit(code) : undefined;
    place = {
      ...place,
      level: place.level === 'governorate' ? 'governorate' : 'district',
      precision_km: Math.max(place.precision_km, adminRadiusKm(code)),
    };
    if (unit && place.level === 'district') place.admin2 = unit.pcode;
    qualifier = (dir?.[0] ?? area?.[0] ?? aft?.[0] ?? '').trim();
    if (dir) start -= dir[0].length;
    else if (area) start -= area[0].length;
    if (aft) end += aft[0].length;
  } else if (SIDE_OF.test(before)) {
    place = { ...place, precision_km: place.precision_km + 25 };
    qualifier = SIDE_OF.exec(before)?.[0].trim();
  } else if (NEAR.test(before)) {
    place = { ...place, precision_km: place.precision_km + 5 };
    qualifier = NEAR.exec(before)?.[0].trim();
  }
  return { start, end, text: text.slice(start, end), place, qualifier };
}

/** Fill admin-1/admin-2 P-codes from the boundaries when the gazetteer did not give them. */
function withAdmin(p: PlaceRecord): PlaceRecord {
  if (p.admin1 && (p.admin2 || p.level === 'governorate')) return p;
  const codes = adminAt(p.lon, p.lat);
  if (!codes) return p;
  return {
    ...p,
    admin1: p.admin1 ?? codes.adm1 ?? undefined,
    admin2: p.level === 'governorate' ? undefined : (p.admin2 ?? codes.adm2 ?? undefined),
  };
}
