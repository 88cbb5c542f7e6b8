/**
 * A small in-process cache for aggregates that many dashboard viewers ask for at once (compliance
 * series). Entries live `ttlMs`; every write through the API clears the cache, so a monitor sees
 * their own changes at once, and writes from other processes (`truce ingest`, `truce worker`)
 * show within `ttlMs`. Insertion-ordered Map as a FIFO bound on memory.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { at: number; value: Promise<V> }>();
  constructor(
    readonly ttlMs: number,
    private readonly max = 500,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value for `key`, or `compute()`'s (concurrent callers share one computation). */
  get(key: string, compute: () => Promise<V>): Promise<V> {
    if (this.ttlMs <= 0) return compute();
    const t = this.now();
    const hit = this.entries.get(key);
    if (hit && t - hit.at < this.ttlMs) return hit.value;
    const value = compute();
    this.entries.set(key, { at: t, value });
    // a failed computation is not kept
    value.catch(() => this.entries.get(key)?.value === value && this.entries.delete(key));
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
