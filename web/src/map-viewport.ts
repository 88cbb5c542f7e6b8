/** The map's viewport arithmetic, apart from MapLibre so that it is testable without a browser. */

/** [minLon, minLat, maxLon, maxLat] */
export type Box = [number, number, number, number];

/** `box` widened by `margin` of its size on every side, within the world */
export function padded([w, s, e, n]: Box, margin: number): Box {
  const dx = (e - w) * margin;
  const dy = (n - s) * margin;
  return [Math.max(-180, w - dx), Math.max(-85, s - dy), Math.min(180, e + dx), Math.min(85, n + dy)];
}

/** whether `outer` holds all of `inner` (the parts of `inner` beyond the world need not be held) */
export function covers([w, s, e, n]: Box, [w2, s2, e2, n2]: Box): boolean {
  return w <= Math.max(w2, -180) && s <= Math.max(s2, -85) && e >= Math.min(e2, 180) && n >= Math.min(n2, 85);
}

/** 1234 -> 1.2k, as MapLibre abbreviates cluster counts */
export function abbreviate(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(Math.round(n / 100) / 10).toString()}k`;
  return `${Math.round(n / 1000)}k`;
}
