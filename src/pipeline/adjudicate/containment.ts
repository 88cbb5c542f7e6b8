/**
 * The three answers to "is this incident inside that zone?" (formats.md §5): the `where`
 * uncertainty (a precision circle, an admin unit, the uncertain band of a width range) can make
 * it certainly inside, certainly outside, or straddle the zone's edge.
 */
export const OUT = 0;
export const IN = 1;
export const EDGE = 2;
export type Containment = typeof OUT | typeof IN | typeof EDGE;

/** A zone compiled for fast questions; lon/lat in degrees, distances in km. */
export interface CompiledZone {
  readonly kind: 'polygon' | 'buffer';
  /** lon/lat bounding box of every point that can be inside (buffers include their width) */
  readonly bbox: readonly [number, number, number, number];
  /** the disc of radius `radiusKm` around (lon, lat) against the zone */
  classifyDisc(lon: number, lat: number, radiusKm: number): Containment;
  /**
   * For reasons: the distance in km from (lon, lat) to what defines the zone's edge: the polygon's
   * boundary, or the buffer's centre line.
   */
  describeDistance(lon: number, lat: number): number;
}

/** The scale error of a local equirectangular frame and how it is bounded, shared by both zone kinds. */
export interface FrameError {
  /** relative error bound of planar distances near this point */
  rel: number;
  /** absolute error bound (km): chord vs arc of the longest segment */
  abs: number;
}
