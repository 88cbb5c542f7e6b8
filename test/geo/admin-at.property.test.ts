/**
 * Property: a point strictly inside a governorate's polygon (more than 100 m from its boundary, so
 * that the sub-district layer's own digitisation cannot disagree) is reported by adminAt with that
 * governorate, and the district and sub-district it reports belong to it.
 */
import { booleanPointInPolygon, point, pointToPolygonDistance } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adminAt, adminGeometry, adminUnit, adminUnits, bboxOf } from '../../src/geo/index.js';

const governorates = adminUnits(1).map((u) => ({ pcode: u.pcode, geometry: adminGeometry(u.pcode)! }));

describe('adminAt (property)', () => {
  it('finds the governorate of any point well inside it', () => {
    const sample = fc.record({
      g: fc.integer({ min: 0, max: governorates.length - 1 }),
      // integers, not fc.double: doubles are biased to 0 and 1, i.e. the bbox edges, mostly outside
      fx: fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100_000),
      fy: fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100_000),
    });
    let checked = 0;
    fc.assert(
      fc.property(sample, ({ g, fx, fy }) => {
        const { pcode, geometry } = governorates[g];
        const [minX, minY, maxX, maxY] = bboxOf(geometry);
        const lon = minX + fx * (maxX - minX);
        const lat = minY + fy * (maxY - minY);
        fc.pre(booleanPointInPolygon([lon, lat], geometry));
        fc.pre(Math.abs(pointToPolygonDistance(point([lon, lat]), geometry, { units: 'kilometers' })) > 0.1);
        checked++;
        const codes = adminAt(lon, lat);
        expect(codes?.adm1).toBe(pcode);
        if (codes?.adm2) expect(adminUnit(codes.adm2)?.parent).toBe(pcode);
        if (codes?.adm3) expect(adminUnit(codes.adm3)?.parent).toBe(codes.adm2);
      }),
      { numRuns: 150, seed: 20161230 },
    );
    expect(checked).toBeGreaterThan(50);
  });
});
