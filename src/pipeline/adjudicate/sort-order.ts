/**
 * The order of incidents: by a time key, then id, then input line, so that output never depends on
 * input order. A million incidents are sorted by packing (key, index) into one 64-bit integer and
 * using the engine's native numeric sort (no comparator calls), then sorting only the runs of
 * equal keys by id (rare: most reports have distinct times).
 */
const INDEX_BITS = 21n;
const MAX_PACKED = 1 << 21;

export function sortedOrder(keys: Float64Array, n: number, ids: readonly string[], line: Int32Array): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order;
  let min = Infinity;
  let max = -Infinity;
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (k < min) min = k;
    if (k > max) max = k;
    if (i > 0 && k < keys[i - 1]) sorted = false;
  }
  const tie = (x: number, y: number) => (ids[x] < ids[y] ? -1 : ids[x] > ids[y] ? 1 : 0) || line[x] - line[y];
  if (!sorted) {
    const span = max - min;
    if (n <= MAX_PACKED && Number.isSafeInteger(span) && span < 2 ** 42 && Number.isInteger(min)) {
      const packed = new BigUint64Array(n);
      for (let i = 0; i < n; i++) packed[i] = (BigInt(keys[i] - min) << INDEX_BITS) | BigInt(i);
      packed.sort();
      const mask = BigInt(MAX_PACKED - 1);
      for (let i = 0; i < n; i++) order[i] = Number(packed[i] & mask);
    } else {
      order.sort((x, y) => keys[x] - keys[y] || tie(x, y));
      return order;
    }
  }
  // runs of equal keys: by id, then line
  for (let a = 0; a < n; ) {
    let b = a + 1;
    while (b < n && keys[order[b]] === keys[order[a]]) b++;
    if (b - a > 1) order.subarray(a, b).sort(tie);
    a = b;
  }
  return order;
}
