/**
 * Where the adjudicator gets geometry it does not hold itself: zone files, the built-in country
 * and admin boundaries (src/geo), and the gazetteer for `{name}` wheres. Injected, so tests and
 * the API can supply their own and the pipeline does not depend on the store or the file system.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';

export type AreaGeometry = Polygon | MultiPolygon;

/** What a place name resolves to: a point with its precision, or an admin unit. */
export type ResolvedPlace = { lat: number; lon: number; precision_km?: number } | { admin: string };

export interface GeometrySource {
  /** a country outline by ISO 3166-1 alpha-2 code */
  country(alpha2: string): AreaGeometry | undefined;
  /** an admin-1 or admin-2 unit by its code (e.g. OCHA p-code SY05, SY0500) */
  admin(code: string): AreaGeometry | undefined;
  /** a zone file, by the path written in the agreement (relative to the workspace folder) */
  file(path: string): AreaGeometry | undefined;
  /** a place name through the gazetteer */
  place(name: string): ResolvedPlace | undefined;
}

/** Merges the polygons of a GeoJSON Polygon, MultiPolygon, Feature or FeatureCollection into one. */
export function toAreaGeometry(g: Geometry | Feature | FeatureCollection): AreaGeometry | undefined {
  const parts: Polygon['coordinates'][] = [];
  const visit = (x: Geometry | Feature | FeatureCollection | null): void => {
    if (!x) return;
    if (x.type === 'FeatureCollection') x.features.forEach(visit);
    else if (x.type === 'Feature') visit(x.geometry);
    else if (x.type === 'Polygon') parts.push(x.coordinates);
    else if (x.type === 'MultiPolygon') parts.push(...x.coordinates);
    else if (x.type === 'GeometryCollection') x.geometries.forEach(visit);
  };
  visit(g);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
}

/** Reads zone files from a workspace folder; the other lookups come from `fallback`. */
export function workspaceGeometrySource(
  dir: string | undefined,
  fallback: Partial<GeometrySource> = {},
): GeometrySource {
  const files = new Map<string, AreaGeometry | undefined>();
  return {
    country: (c) => fallback.country?.(c),
    admin: (c) => fallback.admin?.(c),
    place: (n) => fallback.place?.(n),
    file(path) {
      if (fallback.file) {
        const g = fallback.file(path);
        if (g) return g;
      }
      if (dir === undefined) return undefined;
      const full = resolve(dir, path);
      if (!files.has(full)) {
        let g: AreaGeometry | undefined;
        try {
          g = toAreaGeometry(JSON.parse(readFileSync(full, 'utf8')));
        } catch {
          g = undefined;
        }
        files.set(full, g);
      }
      return files.get(full);
    },
  };
}
