import { describe, expect, it } from 'vitest';
import { adminAt, adminGeometry, adminUnit, adminUnits, isInAdmin, isKnownAdminCode } from './admin-boundaries.js';

describe('admin boundaries (OCHA COD-AB)', () => {
  it('ships 14 governorates, 62 districts and 272 sub-districts', () => {
    expect(adminUnits(1)).toHaveLength(14);
    expect(adminUnits(2)).toHaveLength(62);
    expect(adminUnits(3)).toHaveLength(272);
    expect(adminUnits(1).map((u) => u.pcode)).toEqual([
      'SY01', 'SY02', 'SY03', 'SY04', 'SY05', 'SY06', 'SY07', 'SY08', 'SY09', 'SY10', 'SY11', 'SY12', 'SY13', 'SY14',
    ]);
  });

  it('every unit below a governorate names an existing parent one level up, with a matching P-code prefix', () => {
    for (const u of adminUnits()) {
      if (u.level === 1) {
        expect(u.parent).toBeNull();
        continue;
      }
      const parent = adminUnit(u.parent ?? '');
      expect(parent?.level, u.pcode).toBe(u.level - 1);
      expect(u.pcode.startsWith(parent?.pcode ?? '?'), u.pcode).toBe(true);
    }
  });

  it('has English and Arabic names', () => {
    expect(adminUnit('SY07')).toMatchObject({ name: 'Idleb', name_ar: 'إدلب', level: 1, parent: null });
    expect(adminUnit('SY09')?.name_ar).toBe('دير الزور');
  });

  it('knows its codes and nothing else', () => {
    expect(isKnownAdminCode('SY05')).toBe(true);
    expect(isKnownAdminCode('SY0100')).toBe(true);
    expect(isKnownAdminCode('SY010000')).toBe(true);
    expect(isKnownAdminCode('SY15')).toBe(false);
    expect(isKnownAdminCode('sy05')).toBe(false);
    expect(isKnownAdminCode('SY')).toBe(false);
  });

  it('places well-known cities in their governorate', () => {
    expect(adminAt(36.2765, 33.5138)?.adm1).toBe('SY01'); // Damascus
    expect(adminAt(37.1613, 36.2021)?.adm1).toBe('SY02'); // Aleppo citadel
    expect(adminAt(36.6339, 35.9306)?.adm1).toBe('SY07'); // Idlib city
    expect(adminAt(40.1408, 35.3359)?.adm1).toBe('SY09'); // Deir ez-Zor city
    expect(adminAt(35.79, 35.52)?.adm1).toBe('SY06'); // Latakia city
    expect(adminAt(36.4076, 33.5719)?.adm1).toBe('SY03'); // Douma, Rural Damascus
    expect(adminAt(39.0128, 35.9528)?.adm1).toBe('SY11'); // Raqqa city
  });

  it('returns consistent codes: adm3 inside adm2 inside adm1', () => {
    const codes = adminAt(36.6339, 35.9306);
    expect(codes).toEqual({ adm1: 'SY07', adm2: 'SY0700', adm3: 'SY070000' });
  });

  it('returns null outside Syria', () => {
    expect(adminAt(35.5, 33.9)).toBeNull(); // Beirut
    expect(adminAt(0, 0)).toBeNull();
    expect(adminAt(Number.NaN, 35)).toBeNull();
  });

  it('gives geometry for every unit and tests membership', () => {
    for (const u of adminUnits()) expect(adminGeometry(u.pcode)?.type, u.pcode).toMatch(/Polygon$/);
    expect(adminGeometry('SY99')).toBeUndefined();
    expect(isInAdmin('SY05', 36.75, 35.13)).toBe(true); // Hama city
    expect(isInAdmin('SY07', 36.75, 35.13)).toBe(false);
  });
});
