import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { bboxOf, PolygonIndex } from './polygon-index.js';

const square = (x: number, y: number, s: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]],
});
const withHole: Polygon = {
  type: 'Polygon',
  coordinates: [square(0, 0, 10).coordinates[0], [[4, 4], [4, 6], [6, 6], [6, 4], [4, 4]]],
};

describe('PolygonIndex', () => {
  it('finds the containing polygons, honouring holes and edges', () => {
    const index = new PolygonIndex([
      { geometry: withHole, value: 'big' },
      { geometry: square(20, 0, 1), value: 'small' },
    ]);
    expect(index.containing(1, 1)).toEqual(['big']);
    expect(index.containing(5, 5)).toEqual([]); // in the hole
    expect(index.containing(20.5, 0.5)).toEqual(['small']);
    expect(index.containing(10, 5)).toEqual(['big']); // on an edge
    expect(index.containing(15, 5)).toEqual([]);
    expect(new PolygonIndex([]).first(0, 0)).toBeUndefined();
  });

  it('computes bounding boxes of multipolygons', () => {
    expect(
      bboxOf({ type: 'MultiPolygon', coordinates: [square(0, 0, 1).coordinates, square(5, -3, 2).coordinates] }),
    ).toEqual([0, -3, 7, 1]);
  });
});
