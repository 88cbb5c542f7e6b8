import { describe, expect, it } from 'vitest';
import { whereSchema } from '../../domain/incident.js';
import { resolveWhereName } from './gazetteer-where.js';

describe('where from the gazetteer', () => {
  it('gives a point with precision for a town and an admin unit for a governorate', () => {
    const town = resolveWhereName('Khan Sheikhoun');
    expect(town?.where).toMatchObject({ name: 'Khan Sheikhoun', admin1: 'SY07', precision_km: 2 });
    expect(town?.where.lat).toBeCloseTo(35.44, 1);
    const gov = resolveWhereName('Idlib province');
    expect(gov?.where).toEqual({ admin: 'SY07', name: 'Idlib province', admin1: 'SY07' });
    const area = resolveWhereName('northern Hama countryside');
    expect(area?.where).toMatchObject({ admin1: 'SY05' });
    expect(area?.where.precision_km).toBeGreaterThan(10);
    for (const r of [town, gov, area]) expect(whereSchema.safeParse(r?.where).success).toBe(true);
  });

  it('returns null for an unknown name', () => {
    expect(resolveWhereName('Atlantis')).toBeNull();
  });
});
