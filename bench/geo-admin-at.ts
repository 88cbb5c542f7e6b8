/**
 * `npm run bench -- geo-admin-at [N]`: adminAt and countryAt on N seeded random points in Syria's
 * bounding box (mulberry32, seed 7). Baseline: the exact test on every sub-district, no index.
 */
import { adminAt, adminGeometry, adminUnits, countryAt, pointInAreal } from '../src/geo/index.js';
import { mulberry32 } from './mulberry32.lib.js';

export default async function main(args: string[]): Promise<void> {
  const n = Number(args[0] ?? 100_000);
  const rand = mulberry32(7);
  const pts = Array.from({ length: n }, () => [35.6 + rand() * 6.8, 32.3 + rand() * 5.1] as const);
  const t0 = performance.now();
  adminAt(36.3, 33.5);
  countryAt(36.3, 33.5);
  const loadMs = performance.now() - t0;
  let hits = 0;
  const t1 = performance.now();
  for (const [x, y] of pts) if (adminAt(x, y)) hits++;
  const adminMs = performance.now() - t1;
  const t2 = performance.now();
  for (const [x, y] of pts) countryAt(x, y);
  const countryMs = performance.now() - t2;
  const subs = adminUnits(3).map((u) => adminGeometry(u.pcode)!);
  const sample = pts.slice(0, Math.min(n, 2_000));
  const t3 = performance.now();
  for (const [x, y] of sample) subs.some((g) => pointInAreal(x, y, g));
  const naiveMs = performance.now() - t3;
  const us = (ms: number, k: number) => ((ms * 1000) / k).toFixed(1);
  console.log(`load boundaries (OCHA adm1-3 + Natural Earth 10m): ${loadMs.toFixed(0)} ms`);
  console.log(`adminAt: ${n} points in ${adminMs.toFixed(0)} ms = ${us(adminMs, n)} µs/point (${hits} inside Syria)`);
  console.log(`countryAt: ${n} points in ${countryMs.toFixed(0)} ms = ${us(countryMs, n)} µs/point`);
  console.log(`baseline, exact test on all 272 sub-districts: ${us(naiveMs, sample.length)} µs/point`);
}
