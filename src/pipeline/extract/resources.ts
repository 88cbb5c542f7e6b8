/**
 * The knowledge extraction reads against: the shared actor registry (src/pipeline/resolve/
 * actor-registry.ts over data/syria/actors.yaml) and the shared gazetteer. Loaded once per
 * process; callers may pass their own (tests, a workspace's actors.yaml).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { actorsFileSchema } from '../../domain/index.js';
import { dataDir } from '../../geo/data-dir.js';
import { type ActorRegistry, createActorRegistry } from '../resolve/actor-registry.js';
import { loadGazetteer, type PlaceCandidate } from '../resolve/gazetteer.js';
import type { PlaceFinder, PlaceLevel, PlaceMention, PlaceRecord } from './places.js';

export interface ExtractResources {
  actors: ActorRegistry;
  places: PlaceFinder;
}

let cached: ExtractResources | undefined;

export function defaultResources(): ExtractResources {
  if (cached) return cached;
  cached = { actors: loadActors(), places: sharedPlaces() };
  return cached;
}

function loadActors(): ActorRegistry {
  const file = join(dataDir('syria'), 'actors.yaml');
  try {
    return createActorRegistry(actorsFileSchema.parse(parse(readFileSync(file, 'utf8'))));
  } catch (err) {
    throw new Error(`cannot load the built-in actor registry ${file}: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** The shared gazetteer seen through the PlaceFinder interface extraction needs. */
function sharedPlaces(): PlaceFinder {
  const gaz = loadGazetteer();
  return {
    findMentions(text: string): PlaceMention[] {
      return gaz.findMentions(text).map((m) => ({ start: m.start, end: m.end, text: m.text, candidates: recordsOf(m.candidates) }));
    },
    lookup(name: string, adm1?: string) {
      return gaz.lookup(name, { adm1, limit: 3 }).map((c) => ({ ...toRecord(c), fuzzy: c.matched === 'fuzzy' }));
    },
  };
}

// the gazetteer hands out shared, read-only candidate arrays: their conversion is done once
// per array (the same towns recur in every report)
const converted = new WeakMap<readonly PlaceCandidate[], PlaceRecord[]>();
function recordsOf(cands: readonly PlaceCandidate[]): PlaceRecord[] {
  let r = converted.get(cands);
  if (!r) {
    r = cands.map(toRecord);
    converted.set(cands, r);
  }
  return r;
}

const PLACE_LEVEL: Record<PlaceCandidate['kind'], PlaceLevel> = {
  governorate: 'governorate', district: 'district', subdistrict: 'subdistrict', area: 'district',
  city: 'place', town: 'place', village: 'place', landmark: 'place', neighbourhood: 'neighbourhood',
};

function toRecord(c: PlaceCandidate): PlaceRecord {
  let level = PLACE_LEVEL[c.kind];
  // an area that is exactly a governorate ("Idlib countryside" as the whole unit) is one
  if (c.kind === 'area' && c.admin && /^SY\d{2}$/.test(c.admin)) level = 'governorate';
  return {
    name: c.name,
    lat: c.lat,
    lon: c.lon,
    level,
    admin1: c.adm1 ?? undefined,
    admin2: level === 'governorate' ? undefined : (c.adm2 ?? undefined),
    precision_km: c.precision_km,
  };
}
