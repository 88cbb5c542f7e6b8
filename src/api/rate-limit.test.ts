import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './rate-limit.js';

describe('TokenBuckets', () => {
  it('allows a burst, then refills at the sustained rate', () => {
    let now = 0;
    const b = new TokenBuckets({ burst: 2, perMinute: 60 }, () => now);
    expect(b.take('k')).toBe(0);
    expect(b.take('k')).toBe(0);
    expect(b.take('k')).toBe(1); // one per second: wait 1 s
    now += 500;
    expect(b.take('k')).toBe(1); // half a token: still round up to 1 s
    now += 600;
    expect(b.take('k')).toBe(0);
    expect(b.take('other')).toBe(0); // buckets are per key
  });
  it('never holds more than the burst however long it waited', () => {
    let now = 0;
    const b = new TokenBuckets({ burst: 3, perMinute: 6 }, () => now);
    now += 3_600_000;
    for (let i = 0; i < 3; i++) expect(b.take('k')).toBe(0);
    expect(b.take('k')).toBe(10);
  });
});
