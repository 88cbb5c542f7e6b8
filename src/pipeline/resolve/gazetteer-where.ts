/**
 * From a gazetteer candidate to an incident's `where` (formats.md §4): an admin unit becomes
 * `{admin: CODE}` (anywhere inside it), anything else a point with its honest precision. Both carry
 * the name and the admin1/admin2 extensions, so that `{name: ...}` in an incident file can be
 * resolved the same way extraction resolves a mention.
 */
import type { Where } from '../../domain/incident.js';
import { type LookupOptions, lookup } from './gazetteer.js';
import type { PlaceCandidate } from './gazetteer-rank.js';

export function whereOf(c: PlaceCandidate, name: string = c.name): Where {
  const admin = { ...(c.adm1 ? { admin1: c.adm1 } : {}), ...(c.adm2 ? { admin2: c.adm2 } : {}) };
  if (c.admin) return { admin: c.admin, name, ...admin };
  return { lat: c.lat, lon: c.lon, precision_km: c.precision_km, name, ...admin };
}

/** `{name}` -> a located `where` through the best candidate, or null when the name is unknown. */
export function resolveWhereName(name: string, options?: LookupOptions): { where: Where; candidate: PlaceCandidate } | null {
  const candidate = lookup(name, options)[0];
  return candidate ? { where: whereOf(candidate, name), candidate } : null;
}
