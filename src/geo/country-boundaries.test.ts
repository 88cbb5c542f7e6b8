import { describe, expect, it } from 'vitest';
import { country, countryAt, countryGeometry, isKnownCountryCode } from './country-boundaries.js';

describe('country boundaries (Natural Earth 10m via world-atlas)', () => {
  it('maps ISO numeric ids to alpha-2', () => {
    expect(country('SY')).toEqual({ code: 'SY', name: 'Syria' });
    expect(isKnownCountryCode('TR')).toBe(true);
    expect(isKnownCountryCode('XX')).toBe(false);
    expect(countryGeometry('SY')?.type).toMatch(/Polygon$/);
    expect(countryGeometry('XX')).toBeUndefined();
  });

  it('finds the country of a point, including near borders', () => {
    expect(countryAt(36.2765, 33.5138)).toBe('SY'); // Damascus
    expect(countryAt(35.5018, 33.8938)).toBe('LB'); // Beirut
    expect(countryAt(36.1605, 36.2021)).toBe('TR'); // Antakya, ~25 km from the Syrian border
    expect(countryAt(37.1212, 36.7184)).toBe('TR'); // Kilis, ~6 km north of the Bab al-Salama crossing
    expect(countryAt(37.0476, 36.5857)).toBe('SY'); // Azaz
    expect(countryAt(2.3522, 48.8566)).toBe('FR');
    expect(countryAt(0, 0)).toBeNull(); // Gulf of Guinea
  });
});
