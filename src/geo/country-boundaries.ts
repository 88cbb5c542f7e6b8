/**
 * Country boundaries: Natural Earth 1:10m admin-0 (public domain) as packaged by the npm
 * dependency world-atlas (countries-10m.json, TopoJSON quantized to ~0.0036° x 0.0017°, i.e. a few
 * hundred metres). world-atlas names countries by ISO 3166-1 numeric code ("760"); the committed
 * data/geo/iso3166-numeric-alpha2.json maps them to the alpha-2 codes the workspace format uses.
 * Features without an ISO code (Kosovo, N. Cyprus, Somaliland, disputed specks) are not addressable.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { dataDir } from './data-dir.js';
import { type Areal, PolygonIndex } from './polygon-index.js';

export interface Country {
  /** ISO 3166-1 alpha-2, e.g. SY */
  code: string;
  /** Natural Earth short name, e.g. "Syria" */
  name: string;
}

interface Loaded {
  countries: Map<string, Country>;
  geometry: Map<string, Areal>;
  index: PolygonIndex<string>;
}

let loaded: Loaded | null = null;

function load(): Loaded {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const topo = require('world-atlas/countries-10m.json') as Topology;
  const numericToAlpha2 = JSON.parse(
    readFileSync(join(dataDir('geo'), 'iso3166-numeric-alpha2.json'), 'utf8'),
  ) as Record<string, string>;
  const fc = feature(topo, topo.objects.countries as GeometryCollection) as FeatureCollection;
  const countries = new Map<string, Country>();
  const geometry = new Map<string, Areal>();
  const items: { geometry: Areal; value: string }[] = [];
  for (const f of fc.features as Feature<Areal | null, { name: string }>[]) {
    const code = f.id === undefined ? undefined : numericToAlpha2[String(f.id)];
    if (!code || !f.geometry) continue;
    countries.set(code, { code, name: f.properties.name });
    geometry.set(code, f.geometry);
    items.push({ geometry: f.geometry, value: code });
  }
  loaded = { countries, geometry, index: new PolygonIndex(items) };
  return loaded;
}

export function isKnownCountryCode(alpha2: string): boolean {
  return load().countries.has(alpha2);
}

export function country(alpha2: string): Country | undefined {
  return load().countries.get(alpha2);
}

/** The country's (Multi)Polygon in lon/lat, or undefined for a code Natural Earth does not map. */
export function countryGeometry(alpha2: string): Areal | undefined {
  return load().geometry.get(alpha2);
}

/** Alpha-2 code of the country containing the point, or null (sea, unmapped territory). */
export function countryAt(lon: number, lat: number): string | null {
  return load().index.first(lon, lat) ?? null;
}
