/**
 * Admin unit names as event datasets spell them ("Idleb", "Deir ez Zor", "Ar-Raqqa") -> OCHA
 * P-codes of the built-in boundaries, through the shared name normaliser; a name that does not
 * match is kept as written.
 */
import { adminUnits } from '../../geo/admin-boundaries.js';
import { normalizeName } from '../resolve/normalize-name.js';

let byName: Map<string, string> | null = null;
/** spellings of governorates found in ACLED and UCDP that normalise differently from OCHA's */
const VARIANTS: Record<string, string> = {
  raqqa: 'SY11',
  hasakeh: 'SY08',
  hasaka: 'SY08',
  dara: 'SY12',
  daraa: 'SY12',
  sweida: 'SY13',
  suwayda: 'SY13',
  latakia: 'SY06',
  tartus: 'SY10',
  idlib: 'SY07',
  'deir ezzor': 'SY09',
};

function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  try {
    for (const level of [2, 1] as const) {
      for (const u of adminUnits(level)) {
        byName.set(`${level}:${normalizeName(u.name)}`, u.pcode);
        byName.set(`${level}:${normalizeName(u.name).replace(/\s+/g, '')}`, u.pcode);
      }
    }
  } catch {
    // no shipped boundaries: names stay as written
  }
  return byName;
}

const cache = new Map<string, string>();

/** The P-code of a governorate (level 1) or district (level 2) name, or the name unchanged. */
export function adminCode(name: string | null | undefined, level: 1 | 2): string | null {
  if (!name?.trim()) return null;
  const key = `${level}:${name}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const n = normalizeName(name.replace(/\b(?:governorate|province|district|muhafazat)\b/gi, ''));
  const m = names();
  const code = m.get(`${level}:${n}`) ?? m.get(`${level}:${n.replace(/\s+/g, '')}`) ?? (level === 1 ? VARIANTS[n] : undefined) ?? name.trim();
  cache.set(key, code);
  return code;
}
