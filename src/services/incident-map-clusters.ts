/**
 * What the incident map draws at one zoom and view, computed server-side from a compact columnar
 * snapshot of the located incidents (ids, lon/lat as Float64Array, verdict codes as Uint8Array),
 * so that the dashboard's first map costs a few hundred features instead of the whole archive.
 *
 * Clustering is a grid aggregation in Web Mercator: at zoom z a cluster is the set of incidents in
 * one cell of 64 x 64 screen pixels, i.e. one tile of zoom z + 2 in the XYZ tile scheme
 * (https://wiki.openstreetmap.org/wiki/Slippy_map_tilenames), drawn at the mean position of its
 * members. The same approach as geotile-grid aggregations in search engines. Unlike distance-based
 * clustering (supercluster), a cluster is exactly the incidents inside its cell's lon/lat box, so
 * a cluster's count equals what the list API returns for that `bbox`, it needs no index built per
 * zoom, and answering a view costs one pass over the incidents in it (a KDBush range query).
 * A cell holding one incident is answered as that incident; from POINTS_ZOOM on, every incident is.
 */
import KDBush from 'kdbush';
import type { Verdict } from '../domain/finding.js';

/** verdict codes, by gravity: 0 no finding, then not_applicable < permitted < undetermined < violation */
export const VERDICT_CODES = [null, 'not_applicable', 'permitted', 'undetermined', 'violation'] as const;
const CODE: Record<Verdict, number> = { not_applicable: 1, permitted: 2, undetermined: 3, violation: 4 };

/** from this zoom on, the map gets individual incidents (a 64 px cell is then about 100 m wide) */
export const POINTS_ZOOM = 14;
/** cells are 2^CELL_SHIFT to a 256 px tile's side: 64 px */
const CELL_SHIFT = 2;
/** at most this many features per answer; more is flagged `truncated` */
export const MAX_FEATURES = 5000;
/** Web Mercator's latitude limit */
const MAX_LAT = 85.0511287798066;

export interface MapIncident {
  id: string;
  lon: number;
  lat: number;
  verdict: Verdict | null;
  fatalities: number | null;
}

/** The located incidents of one filter set, as columns. */
export interface MapSnapshot {
  readonly size: number;
  readonly ids: readonly string[];
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  readonly verdict: Uint8Array;
  /** -1: unknown */
  readonly fatalities: Int32Array;
  /** Web Mercator x and y in [0, 1] (x east, y south), indexed by KDBush */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly index: KDBush;
}

export const mercatorX = (lon: number) => (lon + 180) / 360;
export function mercatorY(lat: number): number {
  const s = Math.sin((Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}
const lonOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/** Columns from incidents (those without coordinates must be left out by the caller). */
export function mapSnapshot(incidents: Iterable<MapIncident>): MapSnapshot {
  const ids: string[] = [];
  let lon = new Float64Array(1024);
  let lat = new Float64Array(1024);
  let verdict = new Uint8Array(1024);
  let fatalities = new Int32Array(1024);
  for (const i of incidents) {
    const n = ids.length;
    if (n === lon.length) {
      lon = grow(lon, new Float64Array(n * 2));
      lat = grow(lat, new Float64Array(n * 2));
      verdict = grow(verdict, new Uint8Array(n * 2));
      fatalities = grow(fatalities, new Int32Array(n * 2));
    }
    ids.push(i.id);
    lon[n] = i.lon;
    lat[n] = i.lat;
    verdict[n] = i.verdict ? CODE[i.verdict] : 0;
    fatalities[n] = i.fatalities ?? -1;
  }
  const size = ids.length;
  const x = new Float64Array(size);
  const y = new Float64Array(size);
  const index = new KDBush(size, 64, Float64Array);
  for (let k = 0; k < size; k++) {
    x[k] = mercatorX(lon[k]);
    y[k] = mercatorY(lat[k]);
    index.add(x[k], y[k]);
  }
  index.finish();
  return {
    size,
    ids,
    lon: lon.subarray(0, size),
    lat: lat.subarray(0, size),
    verdict: verdict.subarray(0, size),
    fatalities: fatalities.subarray(0, size),
    x,
    y,
    index,
  };
}

function grow<T extends Float64Array | Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

export type VerdictCounts = Record<Verdict | 'none', number>;

export interface ClusterFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    cluster: true;
    /** `z/x/y` of the cell (an XYZ tile at zoom z + 2) */
    id: string;
    count: number;
    /** the gravest verdict among the members */
    verdict: Verdict | null;
    verdicts: VerdictCounts;
    /** the cell, as the list API's bbox: exactly these incidents */
    bbox: [number, number, number, number];
    /** the members' own extent, to zoom to */
    extent: [number, number, number, number];
  };
}

export interface PointFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { cluster: false; id: string; verdict: Verdict | null; fatalities: number | null };
}

export interface MapView {
  type: 'FeatureCollection';
  z: number;
  /** located incidents matching the filters, anywhere */
  total: number;
  /** of which in the features sent: below POINTS_ZOOM, in the cells the view touches; from it, in the view */
  in_view: number;
  truncated: boolean;
  features: (ClusterFeature | PointFeature)[];
}

/**
 * `view`: [minLon, minLat, maxLon, maxLat]; `z`: the map's zoom (fractions are floored). Below
 * POINTS_ZOOM every cell the view touches is answered whole (also the incidents of an edge cell
 * that lie outside the view), so that a cluster is always exactly its cell's incidents.
 */
export function mapView(
  s: MapSnapshot,
  z: number,
  view: readonly [number, number, number, number] = [-180, -90, 180, 90],
): MapView {
  const zoom = Math.max(0, Math.min(24, Math.floor(z)));
  const [w, so, e, n] = view;
  const out: MapView = {
    type: 'FeatureCollection',
    z: zoom,
    total: s.size,
    in_view: 0,
    truncated: false,
    features: [],
  };
  if (zoom >= POINTS_ZOOM) {
    const inView = s.index.range(mercatorX(w), mercatorY(n), mercatorX(e), mercatorY(so));
    out.in_view = inView.length;
    for (const k of inView) {
      if (out.features.length >= MAX_FEATURES) {
        out.truncated = true;
        break;
      }
      out.features.push(point(s, k));
    }
    return out;
  }
  const scale = 2 ** (zoom + CELL_SHIFT);
  const cell = (t: number) => Math.min(scale - 1, Math.floor(t * scale));
  const [cx0, cx1, cy0, cy1] = [cell(mercatorX(w)), cell(mercatorX(e)), cell(mercatorY(n)), cell(mercatorY(so))];
  // per cell, as columns (no object per cell): the first member, count, coordinate sums, extent, verdict counts
  const slots = new Map<number, number>();
  const first: number[] = [];
  const count: number[] = [];
  const sum: number[] = [];
  const ext: number[] = [];
  const mix: number[] = [];
  for (const k of s.index.range(cx0 / scale, cy0 / scale, (cx1 + 1) / scale, (cy1 + 1) / scale)) {
    const cx = cell(s.x[k]);
    const cy = cell(s.y[k]);
    // the range's far edges are inclusive: a point on them belongs to the next cell
    if (cx > cx1 || cy > cy1) continue;
    const key = cy * scale + cx;
    const lon = s.lon[k];
    const lat = s.lat[k];
    let slot = slots.get(key);
    if (slot === undefined) {
      slot = first.length;
      slots.set(key, slot);
      first.push(k);
      count.push(0);
      sum.push(0, 0);
      ext.push(lon, lat, lon, lat);
      mix.push(0, 0, 0, 0, 0);
    }
    count[slot]++;
    sum[2 * slot] += lon;
    sum[2 * slot + 1] += lat;
    mix[5 * slot + s.verdict[k]]++;
    if (lon < ext[4 * slot]) ext[4 * slot] = lon;
    if (lat < ext[4 * slot + 1]) ext[4 * slot + 1] = lat;
    if (lon > ext[4 * slot + 2]) ext[4 * slot + 2] = lon;
    if (lat > ext[4 * slot + 3]) ext[4 * slot + 3] = lat;
  }
  for (const [key, slot] of slots) {
    const c = count[slot];
    out.in_view += c;
    if (out.features.length >= MAX_FEATURES) {
      out.truncated = true;
      continue;
    }
    if (c === 1) {
      out.features.push(point(s, first[slot]));
      continue;
    }
    const cx = key % scale;
    const cy = (key - cx) / scale;
    const v = mix.slice(5 * slot, 5 * slot + 5);
    out.features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [round(sum[2 * slot] / c), round(sum[2 * slot + 1] / c)] },
      properties: {
        cluster: true,
        id: `${zoom}/${cx}/${cy}`,
        count: c,
        verdict: VERDICT_CODES[v.findLastIndex((x) => x > 0)],
        verdicts: { violation: v[4], undetermined: v[3], permitted: v[2], not_applicable: v[1], none: v[0] },
        bbox: [lonOf(cx / scale), latOf((cy + 1) / scale), lonOf((cx + 1) / scale), latOf(cy / scale)],
        extent: ext.slice(4 * slot, 4 * slot + 4).map(round) as [number, number, number, number],
      },
    });
  }
  return out;
}

function point(s: MapSnapshot, k: number): PointFeature {
  const id = s.ids[k];
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [round(s.lon[k]), round(s.lat[k])] },
    properties: {
      cluster: false,
      id,
      verdict: VERDICT_CODES[s.verdict[k]],
      fatalities: s.fatalities[k] < 0 ? null : s.fatalities[k],
    },
  };
}

/** 6 decimals: about 0.1 m, finer than any incident's location */
const round = (x: number) => Math.round(x * 1e6) / 1e6;
