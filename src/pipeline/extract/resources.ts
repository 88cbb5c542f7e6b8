/**
 * The knowledge extraction reads against: the shared actor registry (src/pipeline/resolve/
 * actor-registry.ts over data/syria/actors.yaml) and the shared gazetteer. Loaded once per
 * process; callers may pass their own (tests, a workspace's actors.yaml).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { actorsFileSchema } from '../../domain/index.js';
import { dataDir } from '../../geo/data-dir.js';
import { type ActorRegistry, createActorRegistry } from '../resolve/actor-registry.js';
import { normalizeName } from '../resolve/normalize-name.js';
import { INTERIM_ACTORS } from './interim-actors.js';
import { INTERIM_PLACES } from './interim-places.js';
import { adminRadiusKm, type PlaceFinder, type PlaceMention, type PlaceRecord } from './places.js';

export interface ExtractResources {
  actors: ActorRegistry;
  places: PlaceFinder;
}

let cached: ExtractResources | undefined;

export function defaultResources(): ExtractResources {
  if (cached) return cached;
  cached = { actors: loadActors(), places: interimPlaces() };
  return cached;
}

function loadActors(): ActorRegistry {
  let file: string | undefined;
  try {
    file = join(dataDir('syria'), 'actors.yaml');
  } catch {
    file = undefined;
  }
  if (file && existsSync(file)) {
    try {
      const actors = actorsFileSchema.parse(parse(readFileSync(file, 'utf8')));
      return createActorRegistry(actors);
    } catch (err) {
      process.stderr.write(`truce extract: ${file} unreadable (${(err as Error).message.split('\n')[0]}); using the interim actor list\n`);
    }
  }
  return createActorRegistry(INTERIM_ACTORS);
}

function interimPlaces(): PlaceFinder {
  const index = new Map<string, PlaceRecord[]>();
  const add = (name: string, rec: PlaceRecord) => {
    const k = normalizeName(name);
    if (k) index.set(k, [...(index.get(k) ?? []), rec]);
  };
  const extra: Record<string, string[]> = {
    Idleb: ['Idlib'],
    'Deir-ez-Zor': ['Deir Ezzor', 'Deir al-Zour', 'Deir el-Zour', 'Deir Ez Zor'],
    'Ar-Raqqa': ['Raqqa', 'Raqqah'],
    'Al-Hasakeh': ['Hasakah', 'Hasaka', 'Hassakeh'],
    Lattakia: ['Latakia'],
    Tartous: ['Tartus'],
    "Dar'a": ['Daraa', 'Deraa', 'Dara'],
    'As-Sweida': ['Sweida', 'Suwayda'],
    'Rural Damascus': ['Damascus countryside', 'Rif Dimashq', 'Reef Damascus'],
  };
  for (const [name, ar, lat, lon, level, adm1, adm2] of INTERIM_PLACES) {
    const rec: PlaceRecord = { name, lat, lon, level, admin1: adm1, admin2: adm2 || undefined, precision_km: level === 'governorate' ? adminRadiusKm(adm1) : 5 };
    add(name, rec);
    add(ar, rec);
    for (const a of extra[name] ?? []) add(a, rec);
  }
  for (const v of index.values()) v.sort((a, b) => (a.level === 'governorate' ? -1 : 0) - (b.level === 'governorate' ? -1 : 0));
  const maxWords = 3;
  return {
    findMentions(text: string): PlaceMention[] {
      const toks = [...text.matchAll(/[\p{L}\p{N}'’-]+/gu)];
      const out: PlaceMention[] = [];
      for (let i = 0; i < toks.length; i++) {
        for (let n = maxWords; n >= 1; n--) {
          if (i + n > toks.length) continue;
          const s = toks[i].index ?? 0;
          const last = toks[i + n - 1];
          const e = (last.index ?? 0) + last[0].length;
          const hit = index.get(normalizeName(text.slice(s, e)));
          if (hit && /^[\p{Lu}\p{Script=Arabic}]/u.test(text[s] ?? '')) {
            out.push({ start: s, end: e, text: text.slice(s, e), candidates: hit });
            i += n - 1;
            break;
          }
        }
      }
      return out;
    },
  };
}
