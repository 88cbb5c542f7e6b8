import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache.js';

describe('TtlCache', () => {
  it('computes once per key within the TTL, again after it or after clear()', async () => {
    let now = 0;
    let calls = 0;
    const c = new TtlCache<number>(1000, 10, () => now);
    const f = async () => ++calls;
    expect(await c.get('a', f)).toBe(1);
    expect(await c.get('a', f)).toBe(1);
    now = 999;
    expect(await c.get('a', f)).toBe(1);
    now = 1000;
    expect(await c.get('a', f)).toBe(2);
    c.clear();
    expect(await c.get('a', f)).toBe(3);
    expect(await c.get('b', f)).toBe(4);
  });
  it('shares one computation between concurrent callers and forgets failures', async () => {
    let calls = 0;
    const c = new TtlCache<number>(1000);
    const [x, y] = await Promise.all([c.get('k', async () => ++calls), c.get('k', async () => ++calls)]);
    expect([x, y, calls]).toEqual([1, 1, 1]);
    await expect(c.get('e', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await Promise.resolve();
    expect(await c.get('e', async () => 7)).toBe(7);
  });
  it('with ttl 0 never caches', async () => {
    let calls = 0;
    const c = new TtlCache<number>(0);
    await c.get('a', async () => ++calls);
    await c.get('a', async () => ++calls);
    expect(calls).toBe(2);
  });
  it('keeps at most `max` entries', async () => {
    let calls = 0;
    const c = new TtlCache<number>(1000, 2);
    for (const k of ['a', 'b', 'c']) await c.get(k, async () => ++calls);
    expect(await c.get('a', async () => ++calls)).toBe(4); // evicted first
  });
});
