/**
 * One-off generator of the approximate agreement zones of the built-in Syria workspace
 * (data/syria/zones/*.geojson) and of the buffer lines pasted into data/syria/agreements/*.yaml.
 *
 *   npx tsx scripts/build-syria-zones.ts            # writes the zone files, prints the buffer lines
 *
 * None of these lines was ever published as an official map: the de-escalation areas of the
 * Astana memorandum (4 May 2017; Idlib lines agreed at Astana-6, 15 Sep 2017), the Sochi
 * demilitarised zone (17 Sep 2018, "lines to be determined through further consultations") and the
 * line of contact of the Moscow protocol (5 Mar 2020). Each polygon below is hand-drawn along the
 * front lines of the time as shown on public conflict maps (Wikipedia's "Syrian civil war" detailed
 * map history, Liveuamap snapshots, the maps agencies published with the agreements) and is an
 * approximation to within a few kilometres. Where a zone meets an international border, the drawn
 * ring runs outside Syria and is clipped to the OCHA COD-AB country outline (OCHA, HDX), so the
 * border edge is exact. Each file says so in its `note` property.
 *
 * Reads /work/shared/data/geo/syr_adm0_ocha.geojson (allowed for one-off scripts; the output is
 * committed and tests read only the output).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

const OUT = join(import.meta.dirname, '..', 'data', 'syria', 'zones');
const ADM0 = '/work/shared/data/geo/syr_adm0_ocha.geojson';

type Ring = [number, number][];
interface ZoneDef {
  file: string;
  name: string;
  note: string;
  source: string;
  ring: Ring;
}

const close = (r: Ring): Ring => [...r, r[0]];

/** Front lines of September 2017 (after Astana-6), clockwise from north-east Latakia; points in Turkey close the ring. */
const IDLIB_2017: Ring = [
  [36.05, 36.0], [36.12, 35.9], [36.2, 35.8], [36.26, 35.75], [36.3, 35.68], [36.33, 35.6], [36.35, 35.5],
  [36.38, 35.42], [36.46, 35.4], [36.53, 35.38], [36.58, 35.36], [36.62, 35.31], [36.68, 35.33], [36.74, 35.38],
  [36.8, 35.4], [36.9, 35.38], [37.05, 35.35], [37.2, 35.45], [37.25, 35.6], [37.18, 35.78], [37.08, 35.9],
  [37.02, 35.98], [37.04, 36.05], [37.07, 36.12], [37.08, 36.18], [37.1, 36.24], [37.1, 36.3], [37.06, 36.34],
  [37.0, 36.34], [36.95, 36.36], [36.88, 36.33], [36.8, 36.35], [36.72, 36.4], [36.66, 36.55], [36.4, 36.4],
  [36.2, 36.2],
];

/** September 2018: the January-February 2018 offensive had taken everything east of the Hejaz railway. */
const IDLIB_2018_EAST: Ring = [
  [36.74, 35.4], [36.8, 35.43], [36.86, 35.47], [36.92, 35.53], [36.97, 35.6], [36.98, 35.7], [36.99, 35.8],
  [37.0, 35.9], [37.02, 35.98],
];
const IDLIB_2018: Ring = [
  ...IDLIB_2017.slice(0, IDLIB_2017.findIndex((p) => p[0] === 36.74 && p[1] === 35.38)),
  ...IDLIB_2018_EAST,
  ...IDLIB_2017.slice(IDLIB_2017.findIndex((p) => p[0] === 37.04 && p[1] === 36.05)),
];

/** 5 March 2020: after the 2019-2020 offensives (Khan Shaykhun, Ma'arrat al-Nu'man, Saraqib, the M5, west Aleppo). */
const IDLIB_2020: Ring = [
  [36.05, 36.0], [36.12, 35.9], [36.2, 35.8], [36.26, 35.75], [36.3, 35.68], [36.34, 35.62], [36.42, 35.6],
  [36.5, 35.58], [36.55, 35.59], [36.6, 35.63], [36.64, 35.67], [36.68, 35.72], [36.72, 35.78], [36.76, 35.83],
  [36.78, 35.87], [36.77, 35.92], [36.79, 35.99], [36.84, 36.05], [36.9, 36.12], [36.93, 36.18], [36.92, 36.24],
  [36.88, 36.3], [36.85, 36.34], [36.8, 36.35], [36.72, 36.4], [36.66, 36.55], [36.4, 36.4], [36.2, 36.2],
];

/** The Rastan-Talbiseh-Houla pocket north of Homs city (2017). */
const NORTHERN_HOMS: Ring = [
  [36.5, 34.85], [36.52, 34.9], [36.55, 34.92], [36.62, 34.97], [36.7, 35.0], [36.78, 34.98], [36.83, 34.93],
  [36.82, 34.86], [36.77, 34.81], [36.72, 34.79], [36.64, 34.82], [36.57, 34.84],
];

/** Eastern Ghouta as held by the opposition in 2017 (Douma, Harasta, Arbin, Zamalka, Jobar, Kafr Batna, Nashabiyah). */
const EASTERN_GHOUTA: Ring = [
  [36.33, 33.53], [36.35, 33.56], [36.37, 33.58], [36.4, 33.6], [36.43, 33.61], [36.46, 33.59], [36.49, 33.56],
  [36.52, 33.52], [36.52, 33.48], [36.49, 33.46], [36.45, 33.46], [36.41, 33.48], [36.38, 33.5], [36.35, 33.51],
];

/** Opposition-held Daraa and Quneitra (2017), a U around the government's M5 corridor; the IS-held Yarmouk basin is left out. */
const SOUTHERN: Ring = [
  [35.83, 33.25], [35.87, 33.25], [35.88, 33.16], [35.93, 33.1], [36.02, 33.08], [36.08, 33.02], [36.1, 32.93],
  [36.13, 32.85], [36.12, 32.76], [36.14, 32.68], [36.13, 32.63], [36.17, 32.66], [36.2, 32.72], [36.23, 32.8],
  [36.28, 32.88], [36.3, 32.98], [36.35, 33.05], [36.45, 33.1], [36.55, 33.05], [36.55, 32.95], [36.48, 32.85],
  [36.52, 32.72], [36.58, 32.58], [36.5, 32.4], [36.2, 32.4], [36.0, 32.6], [35.98, 32.72], [35.92, 32.8],
  [35.86, 32.88], [35.82, 33.0], [35.8, 33.1],
];

const APPROX =
  'Approximation: the guarantors never published this line. Hand-drawn along the front lines of the time from public conflict maps, accurate to a few km; the international border edge is the OCHA COD-AB outline.';

const ZONES: ZoneDef[] = [
  {
    file: 'idlib-deescalation-area-2017.geojson',
    name: 'Idlib de-escalation area (Astana, lines of September 2017)',
    note: `${APPROX} Idlib governorate with the adjacent parts of north-eastern Latakia, northern Hama and western Aleppo held by the opposition when Astana-6 agreed the area (15 Sep 2017).`,
    source: 'Memorandum of 4 May 2017 (PA-X 2093) §1; Astana-6 joint statement of 15 Sep 2017',
    ring: IDLIB_2017,
  },
  {
    file: 'idlib-deescalation-area-2018.geojson',
    name: 'Idlib de-escalation area (as of the Sochi memorandum, September 2018)',
    note: `${APPROX} The 2017 area less what the government took east of the Hejaz railway in January-February 2018 (Abu al-Duhur, Sinjar).`,
    source: 'Sochi memorandum of 17 Sep 2018 (PA-X 2169) §1',
    ring: IDLIB_2018,
  },
  {
    file: 'idlib-area-2020.geojson',
    name: 'Opposition-held Idlib area at the Moscow protocol (5 March 2020)',
    note: `${APPROX} The area left to the opposition after the 2019-2020 offensives (Khan Shaykhun, Ma'arrat al-Nu'man, Saraqib, the M5 highway and western Aleppo were held by the government).`,
    source: 'Additional Protocol of 5 Mar 2020 (PA-X 2273) §1',
    ring: IDLIB_2020,
  },
  {
    file: 'northern-homs.geojson',
    name: 'Northern Homs de-escalation area (Rastan, Talbiseh, Houla)',
    note: `${APPROX} The opposition pocket north of Homs city in 2017.`,
    source: 'Memorandum of 4 May 2017 (PA-X 2093) §1',
    ring: NORTHERN_HOMS,
  },
  {
    file: 'eastern-ghouta.geojson',
    name: 'Eastern Ghouta de-escalation area',
    note: `${APPROX} The opposition-held part of Eastern Ghouta in 2017 (Douma, Harasta, Arbin, Zamalka, Jobar, Kafr Batna, Nashabiyah).`,
    source: 'Memorandum of 4 May 2017 (PA-X 2093) §1; Cairo agreements of 22 Jul and 18 Aug 2017',
    ring: EASTERN_GHOUTA,
  },
  {
    file: 'southern-deescalation-area.geojson',
    name: 'Southern de-escalation area (Daraa and Quneitra)',
    note: `${APPROX} Opposition-held Daraa and Quneitra in 2017; the government's M5 corridor and the IS-held Yarmouk basin are left out, the Jordanian border edge is the OCHA outline.`,
    source: 'Memorandum of 4 May 2017 (PA-X 2093) §1; US-Russia-Jordan memorandum of 7 Jul 2017 and 8 Nov 2017',
    ring: SOUTHERN,
  },
];

/** The Sochi DMZ: the contact line of September 2018, shifted into the de-escalation area (see agreement note). */
export const SOCHI_CONTACT_LINE: Ring = [
  [36.1, 35.9], [36.18, 35.82], [36.26, 35.75], [36.3, 35.68], [36.33, 35.6], [36.35, 35.5], [36.39, 35.42],
  [36.48, 35.4], [36.55, 35.39], [36.6, 35.36], [36.64, 35.33], [36.69, 35.36], [36.74, 35.4], [36.8, 35.43],
  [36.86, 35.47], [36.92, 35.53], [36.97, 35.6], [36.98, 35.7], [36.99, 35.8], [37.02, 35.98], [37.04, 36.05],
  [37.07, 36.12], [37.08, 36.18], [37.1, 36.24], [37.1, 36.3], [37.06, 36.34], [37.0, 36.34], [36.95, 36.36],
];

function largestPolygon(g: Polygon | MultiPolygon): Polygon {
  if (g.type === 'Polygon') return g;
  let best = g.coordinates[0];
  let bestArea = 0;
  for (const c of g.coordinates) {
    const a = turf.area(turf.polygon(c));
    if (a > bestArea) {
      bestArea = a;
      best = c;
    }
  }
  return { type: 'Polygon', coordinates: best };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

function main(): void {
  const adm0 = JSON.parse(readFileSync(ADM0, 'utf8')).features[0] as Feature<MultiPolygon>;
  // Simplify the country outline first (about 300 m) so clipped edges stay at a few dozen vertices.
  const outline = turf.simplify(adm0, { tolerance: 0.003, highQuality: true }) as Feature<MultiPolygon>;
  for (const z of ZONES) {
    const drawn = turf.polygon([close(z.ring)]);
    const clipped = turf.intersect(turf.featureCollection<Polygon | MultiPolygon>([drawn, outline]));
    if (!clipped) throw new Error(`${z.file}: the drawn ring does not meet Syria`);
    const poly = largestPolygon(clipped.geometry);
    const simple = turf.simplify(turf.feature(poly), { tolerance: 0.004, highQuality: true });
    const coords = (simple.geometry as Polygon).coordinates.map((r) => r.map(([x, y]) => [round(x), round(y)]));
    const feature = {
      type: 'Feature',
      properties: { name: z.name, note: z.note, source: z.source },
      geometry: { type: 'Polygon', coordinates: coords },
    };
    writeFileSync(join(OUT, z.file), `${JSON.stringify(feature)}\n`);
    const km2 = Math.round(turf.area(feature as Feature<Polygon>) / 1e6);
    console.log(`${z.file}: ${coords[0].length} vertices, ${km2} km2`);
  }
  // Shift the contact line 9 km to its left (into the de-escalation area), so that a symmetric
  // buffer of 15-20 km lies 1.5 km outside to 16.5-19 km inside the line.
  const shifted = turf.lineOffset(turf.lineString(SOCHI_CONTACT_LINE), -9, { units: 'kilometers' });
  const line = shifted.geometry.coordinates.map(([x, y]) => [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000]);
  console.log(`sochi dmz line (${line.length} points): ${JSON.stringify(line)}`);
}

main();
