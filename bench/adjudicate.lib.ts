/**
 * Seeded synthetic data for the adjudication benchmark (bench/adjudicate.ts) and the PostGIS
 * baseline (bench/postgis-join.ts): zones, agreements and incidents over Syria's extent.
 *
 * - 1,000 zones: 800 polygons of 64 vertices, 5-40 km across (a jittered circle), and 200 buffer
 *   zones (a 3-6 vertex line 20-60 km long, 5-20 km wide, a quarter of them with a width range).
 * - 50 agreements, each in force for 3-24 months within 2016-2020, with 20 cessation zones (5 of
 *   them have no cessation rule: their scope is SY), 8 bound parties, 3 excluded, guarantors; one
 *   in five has a 7-day phase enabling a strike zone; one in five has an amendment adding zones.
 * - incidents: 90 % exact instants, 10 % days or months; 70 % exact points, 25 % with a precision
 *   circle of 1-10 km, 5 % located by governorate; 85 % hostile types; known and unknown actors.
 *
 * The PRNG is mulberry32 (Tommy Ettinger, public domain, https://gist.github.com/tommyettinger/46a874533244883189143505d203312c),
 * so every run sees the same data (never Math.random).
 */
import type { Actor } from '../src/domain/actor.js';
import type { Agreement } from '../src/domain/agreement.js';
export { mulberry32 } from './mulberry32.lib.js';

export const EXTENT = { minLon: 35.7, minLat: 32.3, maxLon: 42.4, maxLat: 37.3 };
const KM_PER_DEG = 111.195;

export interface BenchZone {
  id: string;
  polygon?: number[][][];
  buffer?: { line: number[][]; width_km: number | [number, number] };
}

export function makeZones(rand: () => number, count = 1000): BenchZone[] {
  const zones: BenchZone[] = [];
  for (let z = 0; z < count; z++) {
    const lon = EXTENT.minLon + 0.3 + rand() * (EXTENT.maxLon - EXTENT.minLon - 0.6);
    const lat = EXTENT.minLat + 0.3 + rand() * (EXTENT.maxLat - EXTENT.minLat - 0.6);
    const kx = KM_PER_DEG * Math.cos((lat * Math.PI) / 180);
    if (z % 5 !== 4) {
      const radius = 2.5 + rand() * 17.5; // 5-40 km across
      const ring: number[][] = [];
      for (let k = 0; k < 64; k++) {
        const a = (2 * Math.PI * k) / 64;
        const r = radius * (0.8 + 0.2 * rand());
        ring.push([lon + (r * Math.cos(a)) / kx, lat + (r * Math.sin(a)) / KM_PER_DEG]);
      }
      ring.push([...ring[0]]);
      zones.push({ id: `z${z}`, polygon: [ring] });
    } else {
      const n = 3 + Math.floor(rand() * 4);
      const length = 20 + rand() * 40;
      const heading = rand() * Math.PI;
      const line: number[][] = [];
      for (let k = 0; k < n; k++) {
        const d = (length * k) / (n - 1) - length / 2;
        const wobble = (rand() - 0.5) * 4;
        line.push([
          lon + (d * Math.cos(heading) - wobble * Math.sin(heading)) / kx,
          lat + (d * Math.sin(heading) + wobble * Math.cos(heading)) / KM_PER_DEG,
        ]);
      }
      const w = 5 + rand() * 15;
      zones.push({ id: `z${z}`, buffer: { line, width_km: z % 4 === 0 ? [w, w + 5] : w } });
    }
  }
  return zones;
}

export function makeActors(): Actor[] {
  const actors: Actor[] = [
    { id: 'gov', name: 'Government', kind: 'state' },
    { id: 'guarantor-a', name: 'Guarantor A', kind: 'state' },
    { id: 'guarantor-b', name: 'Guarantor B', kind: 'state' },
    { id: 'front', name: 'Front', kind: 'coalition' },
  ];
  for (let k = 0; k < 30; k++) {
    const a: Actor = { id: `group-${k}`, name: `Group ${k}`, kind: 'armed_group' };
    if (k % 3 === 0) a.member_of = [{ id: 'front', from: `201${6 + (k % 4)}-0${1 + (k % 9)}-01` }];
    if (k % 7 === 0) a.affiliate_of = ['group-29'];
    if (k === 5) a.succeeded_by = { id: 'group-6', date: '2017-01-28' };
    actors.push(a);
  }
  actors.push({ id: 'unknown-gunmen', name: 'unidentified gunmen', kind: 'armed_group', descriptor: true });
  return actors;
}

export function makeAgreements(rand: () => number, zones: BenchZone[], count = 50): Agreement[] {
  const agreements: Agreement[] = [];
  const zoneSpec = (z: BenchZone) =>
    z.polygon ? { polygon: z.polygon as [number, number][][] } : { buffer: z.buffer as never };
  for (let a = 0; a < count; a++) {
    const startMonth = Math.floor(rand() * 48);
    const months = 3 + Math.floor(rand() * 22);
    const ym = (m: number) => `${2016 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
    // every zone belongs to exactly one agreement: 50 x 20 = 1,000
    const own = zones.slice((20 * a) % zones.length, ((20 * a) % zones.length) + 20);
    const zoneMap: Record<string, unknown> = {};
    for (const z of own) zoneMap[z.id] = zoneSpec(z);
    const bound = ['gov', 'front', ...Array.from({ length: 6 }, () => `group-${Math.floor(rand() * 29)}`)];
    const excluded = [...new Set(Array.from({ length: 3 }, () => `group-${Math.floor(rand() * 30)}`))].filter(
      (x) => !bound.includes(x),
    );
    const rules: Agreement['rules'] = [];
    if (a % 10 !== 9)
      for (const z of new Set(own.map((x) => x.id))) rules.push({ id: `ceasefire-${z}`, kind: 'cessation', where: z });
    if (a % 5 === 0) {
      rules.push({ id: 'phase', kind: 'phase', after_quiet_days: 7, quiet_parties: ['gov'], enables: ['strikes'] });
      rules.push({ id: 'strikes', kind: 'strike_zone', where: own[0].id });
    }
    const agreement: Agreement = {
      id: `agreement-${String(a).padStart(2, '0')}`,
      title: `Synthetic agreement ${a}`,
      country: 'SY',
      in_force: { from: ym(startMonth), until: ym(startMonth + months) },
      tz: 'Asia/Damascus',
      parties: {
        bound: [...new Set(bound)],
        guarantors: [
          { actor: 'guarantor-a', answers_for: ['gov'] },
          { actor: 'guarantor-b', answers_for: ['front'] },
        ],
        excluded,
        excluded_affiliates: true,
      },
      zones: zoneMap as Agreement['zones'],
      rules,
    };
    if (a % 5 === 2) {
      const extra = zones[Math.floor(rand() * zones.length)];
      agreement.amendments = [
        {
          from: ym(startMonth + 1),
          zones: { [`${extra.id}-added`]: zoneSpec(extra) as never },
          rules: [{ id: 'ceasefire-added', kind: 'cessation', where: `${extra.id}-added` }],
        },
      ];
    }
    agreements.push(agreement);
  }
  return agreements;
}

const HOSTILE = [
  'armed_clash',
  'air_drone_strike',
  'shelling_artillery_missile_attack',
  'attack',
  'remote_explosive_landmine_ied',
];
const OTHER = ['peaceful_protest', 'arrests', 'headquarters_or_base_established'];
const GOVERNORATES = [
  'SY01',
  'SY02',
  'SY03',
  'SY04',
  'SY05',
  'SY06',
  'SY07',
  'SY08',
  'SY09',
  'SY10',
  'SY11',
  'SY12',
  'SY13',
  'SY14',
];

/** Incident JSON lines, one by one (so that a million need not be held as text). */
export function* incidentLines(rand: () => number, n: number): Generator<string> {
  const t0 = Date.UTC(2016, 0, 1);
  const span = Date.UTC(2021, 0, 1) - t0;
  const actor = () => {
    const r = rand();
    if (r < 0.1) return undefined;
    if (r < 0.12) return 'unknown-gunmen';
    if (r < 0.4) return 'gov';
    return `group-${Math.floor(rand() * 30)}`;
  };
  for (let i = 0; i < n; i++) {
    const t = t0 + Math.floor(rand() * span);
    const p = rand();
    const when =
      p < 0.9
        ? new Date(t).toISOString()
        : p < 0.97
          ? new Date(t).toISOString().slice(0, 10)
          : new Date(t).toISOString().slice(0, 7);
    const q = rand();
    const lon = EXTENT.minLon + rand() * (EXTENT.maxLon - EXTENT.minLon);
    const lat = EXTENT.minLat + rand() * (EXTENT.maxLat - EXTENT.minLat);
    const where =
      q < 0.7
        ? { lat: +lat.toFixed(5), lon: +lon.toFixed(5) }
        : q < 0.95
          ? { lat: +lat.toFixed(5), lon: +lon.toFixed(5), precision_km: 1 + Math.floor(rand() * 10) }
          : { admin: GOVERNORATES[Math.floor(rand() * GOVERNORATES.length)] };
    const type =
      rand() < 0.85 ? HOSTILE[Math.floor(rand() * HOSTILE.length)] : OTHER[Math.floor(rand() * OTHER.length)];
    const a = rand();
    const against = a < 0.4 ? 'civilians' : a < 0.5 ? undefined : actor();
    const inc: Record<string, unknown> = { id: `i${i}`, when, where, type };
    const by = actor();
    if (by) inc.by = by;
    if (against) inc.against = against;
    if (rand() < 0.3) inc.fatalities = { total: Math.floor(rand() * 10) };
    if (rand() < 0.2) inc.sources = [{ outlet: 'SOHR', url: `https://example.org/${i}` }];
    yield JSON.stringify(inc);
  }
}

/** Points only (lon, lat), for the spatial question alone: the same generator's exact points. */
export function points(rand: () => number, n: number): Float64Array {
  const xy = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    xy[2 * i] = EXTENT.minLon + rand() * (EXTENT.maxLon - EXTENT.minLon);
    xy[2 * i + 1] = EXTENT.minLat + rand() * (EXTENT.maxLat - EXTENT.minLat);
  }
  return xy;
}
