/**
 * One-off generator: OCHA COD-AB Syria admin boundaries (adm1 governorates, adm2 districts,
 * adm3 sub-districts) -> data/geo/syria-admin.topo.json.gz, the built-in boundaries that
 * `admin` zones and `adminAt` use at run time.
 *
 * TopoJSON (Bostock's topology format, https://github.com/topojson/topojson-specification)
 * stores each shared border once and quantizes coordinates to delta-encoded integers, so three
 * nested levels that share most of their edges cost little more than one. Quantization 1e5 over
 * Syria's ~6.5° x 4.6° bounding box is a grid of ~7 m x ~5 m, finer than the source's 5 decimals
 * matter for a gazetteer point. Properties are cut to what the product uses.
 *
 * Usage: npx tsx scripts/build-geo.ts [/work/shared/data/geo]
 * Reads /work/shared only here; the output is committed and nothing reads /work/shared at run time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
// topojson-server has no bundled types; it is present through @turf/turf (a dependency).
const { topology } = require('topojson-server') as {
  topology: (objects: Record<string, unknown>, quantization?: number) => unknown;
};

const SOURCE = process.argv[2] ?? '/work/shared/data/geo';
const OUT = new URL('../data/geo/syria-admin.topo.json.gz', import.meta.url);

interface SourceFeature {
  type: 'Feature';
  properties: Record<string, string | number | null>;
  geometry: { type: string; coordinates: unknown };
}

const LEVELS = [
  { level: 1, file: 'syr_adm1_governorates_ocha.geojson', parent: null },
  { level: 2, file: 'syr_adm2_districts_ocha.geojson', parent: 'adm1_pcode' },
  { level: 3, file: 'syr_adm3_subdistricts_ocha.geojson', parent: 'adm2_pcode' },
] as const;

const objects: Record<string, unknown> = {};
for (const { level, file, parent } of LEVELS) {
  const fc = JSON.parse(readFileSync(join(SOURCE, file), 'utf8')) as { features: SourceFeature[] };
  const key = `adm${level}`;
  objects[key] = {
    type: 'FeatureCollection',
    features: fc.features.map((f) => {
      const p = f.properties;
      const pcode = String(p[`${key}_pcode`]);
      if (!/^SY\d{2}(\d{2}(\d{2})?)?$/.test(pcode)) throw new Error(`${file}: bad P-code ${pcode}`);
      return {
        type: 'Feature',
        id: pcode,
        properties: {
          name: String(p[`${key}_name`]),
          name_ar: String(p[`${key}_name1`]),
          level,
          parent: parent ? String(p[parent]) : null,
          area_sqkm: Math.round(Number(p.area_sqkm) * 10) / 10,
        },
        geometry: f.geometry,
      };
    }),
  };
  console.log(`${key}: ${fc.features.length} units`);
}

const topo = topology(objects, 1e5);
const json = JSON.stringify(topo);
const gz = gzipSync(json, { level: 9 });
writeFileSync(OUT, gz);
console.log(`wrote ${OUT.pathname}: ${json.length} bytes JSON, ${gz.length} bytes gzip`);
