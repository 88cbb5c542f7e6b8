/**
 * Ranking of the places a name can mean. Scores add up: how the name met the place (its own name,
 * a variant, a built phrase such as "Idlib province", or only the consonant skeleton), the kind of
 * place (a settlement before the admin unit of the same name), population, and, above all, agreement
 * with a governorate named nearby (the adm1 context), which settles the many repeated village names.
 * A bare name that is both a city and a governorate ("Hama", "Idlib") is the city first.
 */
import type { MatchType } from './gazetteer-phrases.js';
import type { Place, PlaceKind } from './gazetteer-types.js';

export type Matched = MatchType | 'fuzzy';

export interface PlaceCandidate {
  id: string;
  name: string;
  name_ar?: string;
  kind: PlaceKind;
  lat: number;
  lon: number;
  precision_km: number;
  adm1: string | null;
  adm2: string | null;
  adm3: string | null;
  /** the admin unit to use as `where: {admin: CODE}` when the place is one */
  admin?: string;
  matched: Matched;
  score: number;
}

const MATCH_SCORE: Record<Matched, number> = { name: 3, phrase: 3, variant: 2.6, fuzzy: 1 };
// Admin units score below settlements of the same name even when the unit's own spelling matched
// and the settlement's was a variant (0.4 apart): a bare "Hama" or "Harasta" is the city or town;
// the unit is named with "province", "district", "nahiya" ... which are phrases of the unit alone.
const KIND_SCORE: Record<PlaceKind, number> = {
  city: 1,
  town: 0.8,
  area: 0.75,
  village: 0.55,
  governorate: 0.5,
  district: 0.45,
  subdistrict: 0.4,
  neighbourhood: 0.4,
  landmark: 0.3,
};
const CONTEXT_SCORE = 2;
const INCIDENT_PRIOR = 0.2;
const isIncidentSource = (s: string) => s.startsWith('syrian-archive-video:');

export function score(place: Place, matched: Matched, adm1?: string): number {
  let s = MATCH_SCORE[matched] + KIND_SCORE[place.kind];
  if (place.population) s += Math.log10(place.population) / 20;
  // where no population is known: attested in conflict-incident records (Syrian Archive verified
  // videos) stands in as the prior for being the place conflict reporting means ("Jobar" the
  // Damascus district rather than the Homs village of the same name)
  else if (place.sources.some(isIncidentSource)) s += INCIDENT_PRIOR;
  if (adm1 && place.adm1 === adm1) s += CONTEXT_SCORE;
  return Math.round(s * 1000) / 1000;
}

export function candidate(place: Place, matched: Matched, adm1?: string): PlaceCandidate {
  return {
    id: place.id,
    name: place.name,
    ...(place.name_ar ? { name_ar: place.name_ar } : {}),
    kind: place.kind,
    lat: place.lat,
    lon: place.lon,
    precision_km: place.precision_km,
    adm1: place.adm1,
    adm2: place.adm2,
    adm3: place.adm3,
    ...(place.admin ? { admin: place.admin } : {}),
    matched,
    score: score(place, matched, adm1),
  };
}

export const byScore = (a: PlaceCandidate, b: PlaceCandidate): number =>
  b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
