/**
 * The built-in geometry for adjudication: Natural Earth country outlines and OCHA admin units
 * (src/geo), the workspace's places.yaml, then the Syria gazetteer for `{name}` wheres.
 *
 * A name resolves only to an exact (non-fuzzy) match: the best-ranked place, as an admin unit when
 * the place is one, else its point with the gazetteer's honest precision circle. A fuzzy or
 * missing match leaves the place unknown, and the finding says so rather than guessing.
 */
import { adminGeometry, countryGeometry } from '../../geo/index.js';
import { lookup } from '../resolve/gazetteer.js';
import { normalizeName } from '../resolve/normalize-name.js';
import type { GeometrySource, ResolvedPlace } from './geometry-source.js';

export interface ExtraPlace {
  name: string;
  aliases?: string[];
  lat: number;
  lon: number;
  precision_km?: number;
}

export function builtinGeometry(places: readonly ExtraPlace[] = []): Partial<GeometrySource> {
  const extra = new Map<string, ResolvedPlace>();
  for (const p of places) {
    for (const n of [p.name, ...(p.aliases ?? [])]) {
      const key = normalizeName(n);
      if (!extra.has(key)) extra.set(key, { lat: p.lat, lon: p.lon, precision_km: p.precision_km ?? 0 });
    }
  }
  return {
    country: (code) => countryGeometry(code),
    admin: (code) => adminGeometry(code),
    place(name) {
      const own = extra.get(normalizeName(name));
      if (own) return own;
      const [best] = lookup(name, { limit: 1 });
      if (!best || best.matched === 'fuzzy') return undefined;
      return best.admin ? { admin: best.admin } : { lat: best.lat, lon: best.lon, precision_km: best.precision_km };
    },
  };
}
