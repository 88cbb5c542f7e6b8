/**
 * When are two reports about the same event? The rules of event de-duplication used by the large
 * event datasets, made explicit: compatible type (same ACLED event type family), overlapping time,
 * the same place (same place name, or points within a distance that grows with their stated
 * imprecision) and no contradicting actors. See ACLED Codebook (2019) §"Duplicate events" and
 * UCDP GED Codebook v23.1 §3 ("one event = one actor dyad, one place, one day").
 */
import { normalizeName } from '../resolve/normalize-name.js';

export const DAY_MS = 86_400_000;
/** an instant may be off by a few hours between reports (time zones, "this morning") */
export const INSTANT_PAD_MS = 6 * 3_600_000;
/** reports spanning more than this (a month, a year) are too vague to merge into anything */
export const MAX_ANCHOR_SPAN_MS = 3 * DAY_MS;
/** two points closer than this are the same place whatever their stated precision */
export const BASE_KM = 2;
/** never merge points further apart than this, however imprecise (one grid cell, see grid.ts) */
export const MAX_KM = 9;

/** ACLED sub-event types grouped by event type (ACLED Codebook 2019, table 2). */
const FAMILIES: Record<string, string> = {
  armed_clash: 'battles',
  government_regains_territory: 'battles',
  non_state_actor_overtakes_territory: 'battles',
  chemical_weapon: 'explosions',
  air_drone_strike: 'explosions',
  suicide_bomb: 'explosions',
  shelling_artillery_missile_attack: 'explosions',
  remote_explosive_landmine_ied: 'explosions',
  grenade: 'explosions',
  sexual_violence: 'civilians',
  attack: 'civilians',
  abduction_forced_disappearance: 'civilians',
  peaceful_protest: 'protests',
  protest_with_intervention: 'protests',
  excessive_force_against_protesters: 'protests',
  violent_demonstration: 'riots',
  mob_violence: 'riots',
};
/** types that say little: a report of an "attack" may be the strike another outlet names precisely */
const GENERIC = new Set(['attack']);

export function typeFamily(type: string): string {
  return FAMILIES[type] ?? type;
}

export function typesCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  if (typeFamily(a) === typeFamily(b)) return true;
  return (GENERIC.has(a) && typeFamily(b) === 'explosions') || (GENERIC.has(b) && typeFamily(a) === 'explosions');
}

/** The more informative of two compatible types (a specific one beats a generic one). */
export function moreSpecificType(a: string, b: string): string {
  return GENERIC.has(a) && !GENERIC.has(b) ? b : a;
}

/** [start, end) padded: an instant becomes a few hours either side. */
export function paddedInterval(start: number, end: number): [number, number] {
  return end - start < INSTANT_PAD_MS ? [start - INSTANT_PAD_MS, Math.max(end, start) + INSTANT_PAD_MS] : [start, end];
}

export function timesOverlap(a: { t_start: number; t_end: number }, b: { t_start: number; t_end: number }): boolean {
  const [s1, e1] = paddedInterval(a.t_start, a.t_end);
  const [s2, e2] = paddedInterval(b.t_start, b.t_end);
  return s1 < e2 && s2 < e1;
}

/** Haversine great-circle distance in km (R = 6371.0088 km, the IUGG mean radius). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The name key of a place: the normalised name within its normalised first-level admin unit
 * (`name|admin`); with no place name, the admin unit alone (`|admin`), which only ever matches
 * the same bare admin unit.
 */
export function placeKey(place: string | null | undefined, admin1: string | null | undefined): string | null {
  if (!place && !admin1) return null;
  const raw = `${place ?? ''}\0${admin1 ?? ''}`;
  let key = keyCache.get(raw);
  if (key === undefined) {
    const p = place ? normalizeName(place) : '';
    const a = admin1 ? normalizeName(admin1) : '';
    key = p || a ? `${p}|${a}` : null;
    // normalizeName costs microseconds and feeds repeat the same few thousand places
    if (keyCache.size > 200_000) keyCache.clear();
    keyCache.set(raw, key);
  }
  return key;
}
const keyCache = new Map<string, string | null>();

/** Same place by name: same name, and the same admin unit unless one of them does not say. */
export function sameNamedPlace(a: string, b: string): boolean {
  if (a === b) return true;
  const i = a.indexOf('|');
  const j = b.indexOf('|');
  if (i === 0 || j === 0) return false; // a bare admin unit matches only itself
  if (a.slice(0, i) !== b.slice(0, j)) return false;
  return i === a.length - 1 || j === b.length - 1;
}

/** True for a key naming a place (not a bare admin unit). */
export function namesPlace(key: string | null): boolean {
  return !!key && !key.startsWith('|');
}

export interface EventFacts {
  t_start: number;
  t_end: number;
  lat: number | null;
  lon: number | null;
  precision_km: number | null;
  place_key: string | null;
  type: string;
  by_actor: string | null;
  against_actor: string | null;
}

/**
 * How well `a` and `b` match as one event: null when they cannot be the same event, else a score
 * (lower is better: the distance in km, 0 for the same named place).
 */
export function sameEventScore(a: EventFacts, b: EventFacts): number | null {
  if (!typesCompatible(a.type, b.type)) return null;
  if (!timesOverlap(a, b)) return null;
  if (a.by_actor && b.by_actor && a.by_actor !== b.by_actor) return null;
  if (a.against_actor && b.against_actor && a.against_actor !== b.against_actor) return null;
  const bothPoints = a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null;
  const d = bothPoints ? distanceKm(a.lat!, a.lon!, b.lat!, b.lon!) : null;
  if (a.place_key && b.place_key && (namesPlace(a.place_key) === namesPlace(b.place_key) || d === null)) {
    if (sameNamedPlace(a.place_key, b.place_key)) return 0;
    // different names: a transliteration variant only if the points nearly coincide
    return d !== null && d <= 1 ? d : null;
  }
  if (d === null) return null;
  const limit = Math.min(MAX_KM, Math.max(BASE_KM, a.precision_km ?? 0, b.precision_km ?? 0));
  return d <= limit ? d : null;
}
