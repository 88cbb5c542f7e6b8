import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EventFacts, placeKey, sameEventScore, timesOverlap, typesCompatible } from './same-event.js';

const T = Date.UTC(2016, 11, 30, 12);
const base: EventFacts = { t_start: T, t_end: T, lat: 35.93, lon: 36.63, precision_km: 1, place_key: placeKey('Idlib', 'SY07'), type: 'air_drone_strike', by_actor: 'syrian-government', against_actor: null };

describe('sameEventScore', () => {
  it('merges what one event looks like from two outlets', () => {
    expect(sameEventScore(base, { ...base, t_start: T + 3_600_000, t_end: T + 3_600_000, lat: 35.94 })).toBe(0);
    expect(sameEventScore(base, { ...base, place_key: null, lat: 35.935 })).toBeCloseTo(0.56, 1);
    expect(sameEventScore(base, { ...base, type: 'attack', by_actor: null })).toBe(0);
    // transliterations: different names, points that coincide
    expect(sameEventScore(base, { ...base, place_key: placeKey('Idleb', 'SY07'), lat: 35.931 })).not.toBeNull();
  });

  it('keeps apart different types, perpetrators, places and days', () => {
    expect(sameEventScore(base, { ...base, type: 'armed_clash' })).toBeNull();
    expect(sameEventScore(base, { ...base, by_actor: 'russia' })).toBeNull();
    expect(sameEventScore(base, { ...base, place_key: placeKey('Saraqib', 'SY07'), lat: 35.86, lon: 36.8 })).toBeNull();
    expect(sameEventScore(base, { ...base, place_key: null, lat: 36.2, lon: 37.15 })).toBeNull();
    expect(sameEventScore(base, { ...base, t_start: T + 86_400_000, t_end: T + 86_400_000 })).toBeNull();
    expect(typesCompatible('peaceful_protest', 'air_drone_strike')).toBe(false);
  });

  it('is symmetric', () => {
    const facts = fc.record({
      t_start: fc.integer({ min: T - 86_400_000, max: T + 86_400_000 }),
      span: fc.constantFrom(0, 86_400_000),
      lat: fc.option(fc.double({ min: 35.8, max: 36.0, noNaN: true }), { nil: null }),
      lon: fc.double({ min: 36.5, max: 36.7, noNaN: true }),
      place: fc.constantFrom(null, 'Idlib', 'Idleb', 'Binnish'),
      type: fc.constantFrom('air_drone_strike', 'attack', 'armed_clash'),
      by: fc.constantFrom(null, 'syrian-government', 'russia'),
    });
    const toFacts = (f: { t_start: number; span: number; lat: number | null; lon: number; place: string | null; type: string; by: string | null }): EventFacts => ({
      t_start: f.t_start,
      t_end: f.t_start + f.span,
      lat: f.lat,
      lon: f.lat === null ? null : f.lon,
      precision_km: 1,
      place_key: placeKey(f.place, 'SY07'),
      type: f.type,
      by_actor: f.by,
      against_actor: null,
    });
    fc.assert(
      fc.property(facts, facts, (a, b) => {
        expect(sameEventScore(toFacts(a), toFacts(b))).toEqual(sameEventScore(toFacts(b), toFacts(a)));
        expect(timesOverlap(toFacts(a), toFacts(b))).toBe(timesOverlap(toFacts(b), toFacts(a)));
      }),
    );
  });
});
