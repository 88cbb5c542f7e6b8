/**
 * The gazetteer's record, as stored one per line in data/gazetteer/places.jsonl (built by
 * scripts/build-gazetteer.ts) and as returned by lookups.
 */

export const PLACE_KINDS = [
  'governorate',
  'district',
  'subdistrict',
  'city',
  'town',
  'village',
  'neighbourhood',
  'area',
  'landmark',
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const DIRECTIONS = ['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface Place {
  /** Stable id: the P-code for admin units (SY07), else source-prefixed: gn:, nb:, sa:, cap:, area: */
  id: string;
  /** Display name, Latin script */
  name: string;
  name_ar?: string;
  /** Every Latin-script name and variant, `name` first */
  names: string[];
  /** Every Arabic-script name, `name_ar` first */
  names_ar: string[];
  kind: PlaceKind;
  lat: number;
  lon: number;
  /** Radius (km) of the circle around lat/lon that holds the place: honest spatial uncertainty */
  precision_km: number;
  adm1: string | null;
  adm2: string | null;
  adm3: string | null;
  /** For admin units and areas that are exactly an admin unit: the P-code to use as `{admin: CODE}` */
  admin?: string;
  population?: number;
  /** "northern Hama countryside": the part of governorate `adm1` in `direction` from its capital */
  region?: { adm1: string; direction: Direction };
  /** For areas made of sub-districts: their P-codes */
  within?: string[];
  /** Where the record comes from: geonames:ID, ocha:PCODE, ocha-nb:NCODE, syrian-archive:PK, truce:curated */
  sources: string[];
  note?: string;
}
