/**
 * Readers for the gazetteer's raw sources in /work/shared/data/geo (see SOURCES.md there). Each
 * returns SourceRecords: one place as one source sees it, before admin codes are checked and
 * duplicates merged (scripts/build-gazetteer.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { PlaceKind } from '../src/pipeline/resolve/gazetteer-types.js';

export type SourceName =
  | 'ocha-admin'
  | 'ocha-capital'
  | 'ocha-nb'
  | 'geonames'
  | 'syrian-archive'
  | 'syrian-archive-video';

export interface SourceRecord {
  source: SourceName;
  /** id within the source: P-code, N-code, geonameid, Syrian Archive pk */
  ref: string;
  name: string;
  names: string[];
  names_ar: string[];
  kind: PlaceKind;
  lon: number;
  lat: number;
  /** admin codes as the source states them (checked against the boundaries later) */
  stated: { adm1?: string; adm2?: string; adm3?: string };
  population?: number;
  /** for neighbourhoods: covering radius of the polygon */
  radius_km?: number;
  /** Syrian Archive "X nahiyah" / "X mantiqah": label of sub-district / district X */
  adminLabel?: 2 | 3;
  /** Syrian Archive region label, as the governorates it may stand for */
  regionAdm1?: string[];
}

const csv = (dir: string, file: string, delimiter = ','): Record<string, string>[] =>
  parse(readFileSync(join(dir, file), 'utf8'), { columns: true, delimiter, relax_quotes: true, bom: true });

const ARABIC = /[\u0600-\u06ff]/;
const uniq = (xs: string[]): string[] => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

const LEVEL_KIND: Record<string, PlaceKind> = { '1': 'governorate', '2': 'district', '3': 'subdistrict' };

/** Admin units' label points with EN/AR names (syr_admin_points_ocha.csv) and reference names. */
export function readAdminPoints(dir: string): SourceRecord[] {
  const refNames = new Map<string, string[]>();
  for (const r of csv(dir, 'syr_admin_hierarchy_ocha.csv')) {
    refNames.set(r.adm3_pcode, [r.adm3_ref_n]);
  }
  return csv(dir, 'syr_admin_points_ocha.csv')
    .filter((r) => r.admin_leve !== '0')
    .map((r) => {
      const level = r.admin_leve;
      const pcode = r[`adm${level}_pcode`];
      const ar = r.name1;
      return {
        source: 'ocha-admin' as const,
        ref: pcode,
        name: r.name,
        names: uniq([r.name, ...(refNames.get(pcode) ?? [])]),
        // "مركز جبل سمعان": the sub-district "centre of Jebel Saman"; keep both forms
        names_ar: uniq([ar, ar.replace(/^مركز\s+/, '')]),
        kind: LEVEL_KIND[level],
        lon: Number(r.lon),
        lat: Number(r.lat),
        stated: { adm1: r.adm1_pcode || undefined, adm2: r.adm2_pcode || undefined, adm3: r.adm3_pcode || undefined },
      };
    });
}

/**
 * Admin capitals (syr_admin_capitals_ocha.csv): the towns that are seats of governorates, districts
 * and sub-districts. The file names a capital after its unit ("Jebel Saman" for Aleppo city), so
 * governorate seats take the governorate's name and the others their unit's name.
 */
export function readCapitals(dir: string): SourceRecord[] {
  return csv(dir, 'syr_admin_capitals_ocha.csv')
    .filter((r) => r.adm_p_lvl !== '0')
    .map((r) => {
      const level = r.adm_p_lvl;
      const name = level === '1' ? r.adm1_name : level === '2' ? r.adm2_name : r.adm3_name || r.name;
      const ref = level === '1' ? r.adm1_pcode : level === '2' ? r.adm2_pcode : r.adm3_pcode;
      return {
        source: 'ocha-capital' as const,
        ref: `${ref}`,
        name,
        names: uniq([name, r.name]),
        names_ar: [],
        kind: level === '1' ? 'city' : 'town',
        lon: Number(r.lon),
        lat: Number(r.lat),
        stated: { adm1: r.adm1_pcode || undefined, adm2: r.adm2_pcode || undefined, adm3: r.adm3_pcode || undefined },
      };
    });
}

type Ring = [number, number][];
interface NbFeature {
  properties: Record<string, string>;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: Ring[] | Ring[][] };
}

/** City neighbourhoods (syr_city_neighbourhoods_ocha.geojson): centre and covering radius of the polygon. */
export function readNeighbourhoods(dir: string, distanceKm: (a: [number, number], b: [number, number]) => number) {
  const fc = JSON.parse(readFileSync(join(dir, 'syr_city_neighbourhoods_ocha.geojson'), 'utf8')) as {
    features: NbFeature[];
  };
  const records: SourceRecord[] = [];
  const polygons: { geometry: NbFeature['geometry']; ref: string }[] = [];
  for (const f of fc.features) {
    const p = f.properties;
    const rings = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as Ring[][];
    const outer = rings.flatMap((poly) => poly[0]);
    const lon = outer.reduce((s, c) => s + c[0], 0) / outer.length;
    const lat = outer.reduce((s, c) => s + c[1], 0) / outer.length;
    const radius = Math.max(...outer.map((c) => distanceKm([lon, lat], c)));
    // "Al Hurriya_ Ish Al Werwer": an underscore separates two names of one neighbourhood
    const names = p.neighborho.split('_').map((s) => s.trim());
    records.push({
      source: 'ocha-nb',
      ref: p.neighbor_2,
      name: names.join(' / '),
      names: uniq([...names, p.neighborho.replace(/_/g, '')]),
      names_ar: uniq(p.neighbor_1.split('_')),
      kind: 'neighbourhood',
      lon,
      lat,
      stated: { adm1: p.adm1_pcode, adm2: p.adm2_pcode, adm3: p.adm3_pcode },
      radius_km: Math.max(0.3, Math.round(radius * 10) / 10),
    });
    polygons.push({ geometry: f.geometry, ref: p.neighbor_2 });
  }
  return { records, polygons };
}

/** GeoNames IATA codes (ALP, DAM) and machine romanisations in lower case ("dmshq") are not names. */
function usefulLatin(n: string): boolean {
  if (ARABIC.test(n)) return false;
  if (!/^[\p{Script=Latin}\p{M}\p{N}\s'’‘ʿʾ`().,-]+$/u.test(n)) return false;
  if (/^[A-Z]{2,4}$/.test(n)) return false;
  return /\p{Lu}/u.test(n);
}

const GEONAMES_KIND = (code: string, population: number): PlaceKind => {
  if (code === 'PPLC' || code === 'PPLA' || population >= 50_000) return 'city';
  if (code === 'PPLA2' || code === 'PPLA3' || population >= 10_000) return 'town';
  return 'village';
};

/** GeoNames cities500, Syrian rows (geonames_sy_cities500.tsv). */
export function readGeonames(dir: string): SourceRecord[] {
  return csv(dir, 'geonames_sy_cities500.tsv', '\t')
    .filter((r) => r.feature_code !== 'PPLH' && r.feature_code !== 'PPLQ') // historical / abandoned
    .map((r) => {
      const alt = r.alternatenames ? r.alternatenames.split(',') : [];
      const population = Number(r.population) || 0;
      // GeoNames writes the ayn as a backquote; a leading one (`Afrin) is dropped from the display name
      const ascii = r.asciiname.replace(/^[`'‘ʿ]+/, '').replace(/`/g, "'");
      return {
        source: 'geonames' as const,
        ref: r.geonameid,
        name: ascii,
        names: uniq([ascii, r.name, ...alt.filter(usefulLatin)]),
        names_ar: uniq(alt.filter((n) => ARABIC.test(n) && !n.startsWith('محافظة'))),
        kind: GEONAMES_KIND(r.feature_code, population),
        lon: Number(r.longitude),
        lat: Number(r.latitude),
        stated: {},
        population: population || undefined,
      };
    });
}

const LANDMARK =
  /\b(roundabout|hospital|school|mosque|church|bridge|checkpoint|check point|airport|air ?base|base|prison|square|street|st\.|market|souq|factory|universit|stadium|station|dam|castle|citadel|college|academy|barracks|brigade|battalion|regiment|office|building|bakery|road|highway|crossing|silos?|plant|company|hotel|park|garden|tower|camp|cemetery|intersection|junction|gate|club)\b/i;

const REGION_PCODE: Record<string, string[]> = {
  ALEPPO: ['SY02'],
  IDLIB: ['SY07'],
  HAMA: ['SY05'],
  DAMASCUS: ['SY01', 'SY03'],
  HOMS: ['SY04'],
  LATTAKIA: ['SY06'],
  'DEIR EZZOR': ['SY09'],
  HASAKAH: ['SY08'],
  QUINETRA: ['SY14'],
  DARAA: ['SY12'],
  SUWAYDA: ['SY13'],
  TARTOUS: ['SY10'],
};

/** Governorates a Syrian Archive region label stands for (DAMASCUS covers Damascus and Rural Damascus). */
export const syrianArchiveRegion = (label: string): string[] => REGION_PCODE[label] ?? [];

const titleCase = (s: string): string =>
  s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a, b) => a + b.toUpperCase());

/** Syrian Archive place list (syrian_archive_locations_2015.csv). */
export function readSyrianArchive(dir: string): SourceRecord[] {
  return csv(dir, 'syrian_archive_locations_2015.csv').map((r) =>
    syrianArchiveRecord('syrian-archive', r.pk, r.name_en, r.name_ar, r.region_name, r.latitude, r.longitude),
  );
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Places named in the Syrian Archive's verified-video records (syrian_archive_violations_dev.csv in
 * /work/shared/data/events): one record per (governorate label, neighbourhood) that has coordinates,
 * at the median of its videos' points; ref = the smallest Database_ID.
 */
export function readSyrianArchiveVideos(file: string): SourceRecord[] {
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
  const groups = new Map<string, Record<string, string>[]>();
  for (const r of rows) {
    if (!r.Neighborhood?.trim() || !r.Latitude || !r.Longitude) continue;
    const key = `${r.City}|${r.Neighborhood.trim()}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((rs) => {
    const ref = String(Math.min(...rs.map((r) => Number(r.Database_ID))));
    const lat = median(rs.map((r) => Number(r.Latitude)));
    const lon = median(rs.map((r) => Number(r.Longitude)));
    return syrianArchiveRecord(
      'syrian-archive-video',
      ref,
      rs[0].Neighborhood,
      '',
      rs[0].City,
      String(lat),
      String(lon),
    );
  });
}

function syrianArchiveRecord(
  source: 'syrian-archive' | 'syrian-archive-video',
  ref: string,
  nameEn: string,
  nameAr: string,
  region: string,
  latitude: string,
  longitude: string,
): SourceRecord {
  let name = nameEn.trim();
  if (name === name.toUpperCase() || name === name.toLowerCase()) name = titleCase(name);
  let adminLabel: 2 | 3 | undefined;
  const label = /^(.*?)\s+(nahiyah|mantiqah)$/i.exec(name);
  if (label) {
    adminLabel = label[2].toLowerCase() === 'nahiyah' ? 3 : 2;
    name = label[1];
  }
  const ar = nameAr.trim().replace(/^(ناحية|منطقة)\s+/, '');
  const kind: PlaceKind = adminLabel
    ? adminLabel === 3
      ? 'subdistrict'
      : 'district'
    : LANDMARK.test(name) || /^(دوار|مشفى|مستشفى|جامع|مسجد|مدرسة|حاجز|جسر|مطار|سجن|ساحة|شارع|سوق|معمل)/.test(ar)
      ? 'landmark'
      : /^(hay|hayy|heh)\s/i.test(name) || /^حي\s/.test(ar)
        ? 'neighbourhood'
        : 'village';
  return {
    source,
    ref,
    name,
    names: uniq([name]),
    names_ar: ar ? [ar] : [],
    kind,
    lon: Number(longitude),
    lat: Number(latitude),
    stated: {},
    adminLabel,
    regionAdm1: syrianArchiveRegion(region),
  };
}
