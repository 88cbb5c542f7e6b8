/**
 * The order of incidents: by a time key, then id, then input line, so that output never depends on
 * input order. Integer keys (epoch ms) are sorted by an LSD radix sort of the key's offset from the
 * minimum, 13 bits per pass (Knuth, TAOCP vol. 3, §5.2.5; three passes cover 17 years of ms, four
 * any span below 2^52): no
 * comparator calls and no allocation per element. The sort is stable, so equal keys stay in index
 * order; only those runs of equal keys are then sorted by id (rare: most reports have distinct times).
 */
const DIGIT_BITS = 13;
const BUCKETS = 1 << DIGIT_BITS;
const MASK = BUCKETS - 1;
/** 2^26: two digits */
const HALF = BUCKETS * BUCKETS;

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
  // the keys in sorted order (read sequentially below, not through `order`)
  let sortedKeys = keys;
  if (!sorted) {
    const span = max - min;
    if (span < HALF * HALF && Number.isInteger(min) && allIntegers(keys, n)) {
      sortedKeys = radixSort(keys, n, min, span, order);
    } else {
      order.sort((x, y) => keys[x] - keys[y] || tie(x, y));
      return order;
    }
  }
  // runs of equal keys: by id, then line
  for (let a = 0; a < n; ) {
    let b = a + 1;
    while (b < n && sortedKeys[b] === sortedKeys[a]) b++;
    if (b - a > 1) order.subarray(a, b).sort(tie);
    a = b;
  }
  return order;
}

function allIntegers(keys: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (!Number.isInteger(keys[i])) return false;
  return true;
}

/**
 * Sorts `order` (0..n-1 on entry) by keys[i] - min, stably, and returns the keys in that order; every offset is an integer <= span < 2^52.
 * The offset is split into two 26-bit halves (integer digit arithmetic), carried along with the
 * indices so that every pass reads sequentially.
 */
function radixSort(keys: Float64Array, n: number, min: number, span: number, order: Uint32Array): Float64Array {
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const v = keys[i] - min;
    const h = Math.floor(v / HALF);
    hi[i] = h;
    lo[i] = v - h * HALF;
  }
  let idx: Uint32Array = order;
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  let idx2: Uint32Array = new Uint32Array(n);
  const count = new Int32Array(BUCKETS);
  const passes = span < HALF ? (span < BUCKETS ? 1 : 2) : span / HALF < BUCKETS ? 3 : 4;
  for (let p = 0; p < passes; p++) {
    const word = p < 2 ? lo : hi;
    const shift = (p & 1) * DIGIT_BITS;
    count.fill(0);
    for (let k = 0; k < n; k++) count[(word[k] >>> shift) & MASK]++;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const at = count[(word[k] >>> shift) & MASK]++;
      idx2[at] = idx[k];
      lo2[at] = lo[k];
      hi2[at] = hi[k];
    }
    const t = idx;
    idx = idx2;
    idx2 = t;
    const l = lo;
    lo = lo2;
    lo2 = l;
    const h = hi;
    hi = hi2;
    hi2 = h;
  }
  if (idx !== order) order.set(idx);
  const sortedKeys = new Float64Array(n);
  for (let k = 0; k < n; k++) sortedKeys[k] = min + hi[k] * HALF + lo[k];
  return sortedKeys;
}
