/**
 * The Syria gazetteer (data/gazetteer/places.jsonl, built by scripts/build-gazetteer.ts): populated
 * places, neighbourhoods, landmarks, admin units and the regional expressions reports use, with
 * English, Arabic and variant names, coordinates, an honest precision and OCHA P-codes.
 *
 * Stable API (extraction and the API call these; extend, do not change):
 *   loadGazetteer(): Gazetteer
 *       Lazily reads the shipped data once and caches it.
 *   lookup(name, { adm1?, kinds?, limit? }): PlaceCandidate[]
 *       Ranked candidates, best first; [] when nothing matches. `name` may be Latin or Arabic, a
 *       variant ("Deir Ezzor", "Dayr az Zawr"), a phrase ("Idlib province", "northern Hama
 *       countryside"). `adm1` is a governorate named nearby, as a P-code ("SY07") or a name
 *       ("Idlib"); it lifts the places inside it. Falls back to a consonant-skeleton match
 *       (`matched: 'fuzzy'`, restricted to `adm1` when given) when no key matches exactly.
 *   findMentions(text, { context? }): PlaceMention[]
 *       Place names and regional expressions in running text, left to right, non-overlapping,
 *       longest first, on word boundaries, each with its ranked candidates (shared objects: treat as read-only). With `context` (default
 *       true) a governorate or city named within 300 characters serves as the adm1 context.
 *   getPlace(id): Place | undefined
 *   createGazetteer(places): Gazetteer — the same over any list of places (tests, other theatres).
 *   whereOf(candidate) / resolveWhereName(name) in gazetteer-where.ts: an incident's `where`.
 * A PlaceCandidate carries {id, name, name_ar?, kind, lat, lon, precision_km, adm1, adm2, adm3,
 * admin?, matched, score}; `admin` is set for admin units and areas that are one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../../geo/data-dir.js';
import { type MatchType, placePhrases, regionPhrases } from './gazetteer-phrases.js';
import { byScore, candidate, type Matched, type PlaceCandidate } from './gazetteer-rank.js';
import { scanMentions } from './gazetteer-mentions.js';
import { keyOf, skeletonOf } from './gazetteer-text.js';
import type { Place, PlaceKind } from './gazetteer-types.js';

export type { PlaceCandidate } from './gazetteer-rank.js';
export type { Direction, Place, PlaceKind } from './gazetteer-types.js';

export interface LookupOptions {
  /** governorate named nearby: P-code (SY07) or name (Idlib) */
  adm1?: string;
  /** keep only these kinds */
  kinds?: PlaceKind[];
  /** at most this many candidates (default 10) */
  limit?: number;
}

export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  /** the normalised phrase that matched */
  key: string;
  candidates: PlaceCandidate[];
  /** the governorate used as context for the ranking, when one was named nearby */
  context_adm1?: string;
}

export interface Gazetteer {
  places: readonly Place[];
  get(id: string): Place | undefined;
  lookup(name: string, options?: LookupOptions): PlaceCandidate[];
  findMentions(text: string, options?: { context?: boolean }): PlaceMention[];
}

interface Entry {
  place: Place;
  matched: MatchType;
}

/** One-word names that are mostly something else in reports: "al-Sham" ends faction names (Ahrar al-Sham); English words. */
const NOT_A_PLACE = new Set(['sham', 'sam', 'cham', 'page', 'berea', 'damask', 'domas', 'ezra', 'eden', 'hit', 'tell', 'seen', 'hole', 'asia']);
const WEAK_KINDS = new Set<PlaceKind>(['neighbourhood', 'landmark']);
const CONTEXT_CHARS = 300;
const SENTENCE_END = /[.!?؟\n]/;
const GOVERNORATE_CODE = /^SY\d{2}$/;

export function createGazetteer(places: readonly Place[]): Gazetteer {
  const byId = new Map(places.map((p) => [p.id, p]));
  const entries = new Map<string, Entry[]>();
  const skeletons = new Map<string, Place[]>();
  const firstTokens = new Map<string, number>();
  const add = (key: string, place: Place, matched: MatchType): void => {
    const list = entries.get(key);
    if (!list) entries.set(key, [{ place, matched }]);
    else if (!list.some((e) => e.place === place)) list.push({ place, matched });
    const words = key.split(' ');
    if ((firstTokens.get(words[0]) ?? 0) < words.length) firstTokens.set(words[0], words.length);
  };
  for (const p of places) {
    const phrases = p.region
      ? regionPhrases(p, byId.get(p.region.adm1) ?? p, byId.get('SY01'))
      : placePhrases(p);
    for (const { key, matched } of phrases) add(key, p, matched);
    for (const n of p.names) {
      const sk = skeletonOf(keyOf(n));
      if (sk.length >= 3) {
        const list = skeletons.get(sk) ?? [];
        if (!list.includes(p)) list.push(p);
        skeletons.set(sk, list);
      }
    }
  }
  // One-word names of neighbourhoods and landmarks ("Bilal", "Amin", "Rawda") are too often
  // something else in running text: lookup() finds them, findMentions() does not.
  const weakSingles = new Set<string>();
  for (const [key, list] of entries) {
    if ((!key.includes(' ') && list.every((e) => WEAK_KINDS.has(e.place.kind))) || NOT_A_PLACE.has(key)) weakSingles.add(key);
  }

  function resolveAdm1(adm1: string | undefined): string | undefined {
    if (!adm1) return undefined;
    if (GOVERNORATE_CODE.test(adm1)) return adm1;
    const gov = entries.get(keyOf(adm1))?.find((e) => e.place.kind === 'governorate');
    return gov?.place.id;
  }

  function rank(list: { place: Place; matched: Matched }[], options: LookupOptions = {}): PlaceCandidate[] {
    const adm1 = resolveAdm1(options.adm1);
    return list
      .filter((e) => !options.kinds || options.kinds.includes(e.place.kind))
      .map((e) => candidate(e.place, e.matched, adm1))
      .sort(byScore)
      .slice(0, options.limit ?? 10);
  }

  // Mentions repeat the same few names: rank each key once (candidates are shared, read-only).
  const ranked = new Map<string, PlaceCandidate[]>();
  const multi = new Map<string, boolean>();
  function rankedFor(key: string, adm1?: string): PlaceCandidate[] {
    const cacheKey = adm1 ? `${key}|${adm1}` : key;
    let list = ranked.get(cacheKey);
    if (!list) {
      list = rank(entries.get(key) ?? [], { adm1 });
      if (ranked.size > 100_000) ranked.clear();
      ranked.set(cacheKey, list);
      if (!adm1) multi.set(key, new Set(list.map((c) => c.adm1)).size > 1);
    }
    return list;
  }
  const spansGovernorates = (key: string): boolean => multi.get(key) ?? false;

  function lookup(name: string, options: LookupOptions = {}): PlaceCandidate[] {
    const key = keyOf(name);
    const exact = entries.get(key);
    if (exact) return rank(exact, options);
    // A guess outside the governorate the caller named is more likely another place; without
    // that context, skeletons of fewer than 4 consonants collide too often to be worth a guess.
    const sk = skeletonOf(key);
    const adm1 = resolveAdm1(options.adm1);
    const fuzzy = (sk.length >= (adm1 ? 3 : 4) ? (skeletons.get(sk) ?? []) : []).filter((p) => !adm1 || p.adm1 === adm1);
    return rank(fuzzy.map((place) => ({ place, matched: 'fuzzy' as const })), options);
  }

  function findMentions(text: string, options: { context?: boolean } = {}): PlaceMention[] {
    const raw = scanMentions(text, {
      has: (key) => entries.has(key),
      firstTokens,
      allowed: (key, proper, n) => proper && !(n === 1 && weakSingles.has(key)),
      keys: () => entries.keys(),
    });
    const mentions: PlaceMention[] = raw.map((m) => ({
      start: m.start,
      end: m.end,
      text: text.slice(m.start, m.end),
      key: m.key,
      candidates: rankedFor(m.key),
    }));
    if (options.context === false) return mentions;
    // A governorate, a direction area or a city named nearby settles which of several same-named
    // places is meant ("Duma" near "Hama" is not Douma in Rural Damascus).
    const anchors = mentions.filter((m) => {
      const top = m.candidates[0];
      return top?.adm1 && (top.kind === 'governorate' || top.kind === 'city' || (top.kind === 'area' && top.matched === 'phrase'));
    });
    // mentions and anchors are in text order: a sliding window keeps this linear
    let lo = 0;
    for (const m of mentions) {
      if (!spansGovernorates(m.key)) continue;
      while (lo < anchors.length && anchors[lo].end < m.start - CONTEXT_CHARS) lo++;
      let best: PlaceMention | undefined;
      let bestDistance = CONTEXT_CHARS + 1;
      for (let j = lo; j < anchors.length && anchors[j].start <= m.end + CONTEXT_CHARS; j++) {
        const a = anchors[j];
        if (a === m) continue;
        const [from, to] = a.start >= m.end ? [m.end, a.start] : [a.end, m.start];
        // an anchor in another sentence counts as farther away
        const distance = to - from + (SENTENCE_END.test(text.slice(from, to)) ? CONTEXT_CHARS / 2 : 0);
        if (distance < bestDistance) {
          best = a;
          bestDistance = distance;
        }
      }
      const adm1 = best?.candidates[0].adm1;
      if (adm1) {
        m.context_adm1 = adm1;
        m.candidates = rankedFor(m.key, adm1);
      }
    }
    return mentions;
  }

  return { places, get: (id) => byId.get(id), lookup, findMentions };
}

let loaded: Gazetteer | null = null;

export function loadGazetteer(): Gazetteer {
  if (loaded) return loaded;
  const file = join(dataDir('gazetteer'), 'places.jsonl');
  const places = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Place);
  loaded = createGazetteer(places);
  return loaded;
}

export const lookup = (name: string, options?: LookupOptions): PlaceCandidate[] => loadGazetteer().lookup(name, options);
export const findMentions = (text: string, options?: { context?: boolean }): PlaceMention[] =>
  loadGazetteer().findMentions(text, options);
export const getPlace = (id: string): Place | undefined => loadGazetteer().get(id);
