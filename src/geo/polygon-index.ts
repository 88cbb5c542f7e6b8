/**
 * Point-in-polygon over many polygons: a flatbush packed Hilbert R-tree of the polygons' bounding
 * boxes (https://github.com/mourner/flatbush) narrows a query to the few candidates whose box holds
 * the point, then an exact test decides: turf's booleanPointInPolygon, which uses the winding-number
 * algorithm of Hao et al., "Optimal Reliable Point-in-Polygon Test and Differential Coding Boolean
 * Operations on Polygons", Symmetry 10(10) 2018 (npm point-in-polygon-hao). Points on an edge count
 * as inside. Measured in /work/shared/research/ecosystem.md §4: ~0.3 µs per point for 100 polygons.
 */
import { booleanPointInPolygon } from '@turf/turf';
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';

export type Areal = Polygon | MultiPolygon;

export interface IndexedPolygon<T> {
  geometry: Areal;
  value: T;
}

export class PolygonIndex<T> {
  // Each part of a MultiPolygon is indexed on its own (a country's islands would otherwise give it
  // a huge box), and candidates are tried smallest box first, so `first` usually stops after one
  // exact test.
  readonly #parts: { geometry: Polygon; value: T; area: number }[] = [];
  readonly #tree: Flatbush | null;

  constructor(items: IndexedPolygon<T>[]) {
    for (const item of items) {
      const polygons = item.geometry.type === 'Polygon' ? [item.geometry.coordinates] : item.geometry.coordinates;
      for (const coordinates of polygons) {
        const geometry: Polygon = { type: 'Polygon', coordinates };
        const [minX, minY, maxX, maxY] = bboxOf(geometry);
        this.#parts.push({ geometry, value: item.value, area: (maxX - minX) * (maxY - minY) });
      }
    }
    if (this.#parts.length === 0) {
      this.#tree = null;
      return;
    }
    const tree = new Flatbush(this.#parts.length);
    for (const part of this.#parts) {
      const [minX, minY, maxX, maxY] = bboxOf(part.geometry);
      tree.add(minX, minY, maxX, maxY);
    }
    tree.finish();
    this.#tree = tree;
  }

  #candidates(lon: number, lat: number): number[] {
    if (!this.#tree || !Number.isFinite(lon) || !Number.isFinite(lat)) return [];
    const ids = this.#tree.search(lon, lat, lon, lat);
    return ids.length > 1 ? ids.sort((a, b) => this.#parts[a].area - this.#parts[b].area) : ids;
  }

  /** Values of every polygon that contains the point (usually 0 or 1; 2 on a shared edge). */
  containing(lon: number, lat: number): T[] {
    const out: T[] = [];
    for (const i of this.#candidates(lon, lat)) {
      const part = this.#parts[i];
      if (!out.includes(part.value) && pointInAreal(lon, lat, part.geometry)) out.push(part.value);
    }
    return out;
  }

  /** The first polygon that contains the point (the one with the smallest box), or undefined. */
  first(lon: number, lat: number): T | undefined {
    for (const i of this.#candidates(lon, lat)) {
      const part = this.#parts[i];
      if (pointInAreal(lon, lat, part.geometry)) return part.value;
    }
    return undefined;
  }
}

/** Exact test (edges count as inside). */
export function pointInAreal(lon: number, lat: number, geometry: Areal): boolean {
  return booleanPointInPolygon([lon, lat], geometry);
}

export function bboxOf(geometry: Areal): [number, number, number, number] {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    // The outer ring bounds the polygon; holes lie inside it.
    for (const [x, y] of polygon[0] ?? []) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}
