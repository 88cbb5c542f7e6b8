/**
 * `npm run bench -- workspace-check [VERTICES]`: load and check a seeded synthetic workspace with
 * one large `file` zone (a star-shaped ring of VERTICES positions, default 50,000, around Idlib),
 * 2,000 actors with memberships and 20 agreements. Baseline: turf's `kinks` (every pair of edges)
 * on the same ring, which the loader's flatbush edge index replaced.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kinks, polygon } from '@turf/turf';
import { loadWorkspace } from '../src/workspace/index.js';
import { firstRingIntersection } from '../src/workspace/ring-intersections.js';
import { mulberry32 } from './mulberry32.lib.js';

function starRing(n: number, rnd: () => number): number[][] {
  const ring: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    // a wavy outline with a little noise, like a real boundary; simple because the angle increases
    const r = 0.35 + 0.08 * Math.sin(7 * a) + 0.002 * rnd();
    ring.push([+(36.7 + r * Math.cos(a)).toFixed(6), +(35.8 + 0.8 * r * Math.sin(a)).toFixed(6)]);
  }
  ring.push(ring[0]);
  return ring;
}

function time<T>(f: () => T): { ms: number; cpuMs: number; value: T } {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = f();
  const u = process.cpuUsage(c);
  return { ms: performance.now() - t, cpuMs: (u.user + u.system) / 1000, value };
}

export default async function main(args: string[]): Promise<void> {
  const n = Number(args[0] ?? 50_000);
  const rnd = mulberry32(42);
  const ring = starRing(n, rnd);
  const dir = mkdtempSync(join(tmpdir(), 'truce-bench-ws-'));
  try {
    mkdirSync(join(dir, 'agreements'));
    mkdirSync(join(dir, 'zones'));
    writeFileSync(join(dir, 'zones', 'big.geojson'), JSON.stringify({ type: 'Polygon', coordinates: [ring] }));
    const actors = ['- { id: gov, name: Government, kind: state }', '- { id: front, name: Front, kind: coalition }'];
    for (let i = 0; i < 2000; i++) {
      actors.push(
        `- { id: group-${i}, name: Group ${i}, kind: armed_group, aliases: [G${i}], member_of: [{ id: front, from: "2016-0${1 + (i % 9)}-01" }] }`,
      );
    }
    writeFileSync(join(dir, 'actors.yaml'), `${actors.join('\n')}\n`);
    for (let k = 0; k < 20; k++) {
      writeFileSync(
        join(dir, 'agreements', `a-${k}.yaml`),
        `id: a-${k}\ntitle: Agreement ${k}\ncountry: SY\nin_force: { from: 2017-01-01 }\ntz: Asia/Damascus\n` +
          `parties: { bound: [gov, front, group-${k}] }\nzones:\n  big: { file: zones/big.geojson }\n` +
          `  dmz: { buffer: { line: [[36.1, 35.6], [36.4, 35.75]], width_km: [10, 15] } }\n` +
          `rules:\n  - { id: ceasefire, kind: cessation, where: big }\n  - { id: out, kind: withdrawal, who: [group-${k}], what: heavy_weapons, from: dmz, by: 2017-02-01 }\n`,
      );
    }
    await loadWorkspace(join(dir)); // warm-up: module and boundary loading
    const c = process.cpuUsage();
    const t = performance.now();
    const { problems } = await loadWorkspace(dir);
    const u = process.cpuUsage(c);
    console.log(
      `loadWorkspace: ${n} vertices x 20 agreements, 2,002 actors: ${(performance.now() - t).toFixed(0)} ms wall, ${((u.user + u.system) / 1000).toFixed(0)} ms CPU, ${problems.length} problems`,
    );
    const ours = time(() => firstRingIntersection([ring]));
    console.log(
      `firstRingIntersection (${n} vertices): ${ours.ms.toFixed(0)} ms wall, ${ours.cpuMs.toFixed(0)} ms CPU`,
    );
    const m = Math.min(n, 5000);
    const small = starRing(m, mulberry32(42));
    const turf = time(() => kinks(polygon([small])).features.length);
    const ours2 = time(() => firstRingIntersection([small]));
    console.log(
      `baseline turf kinks (${m} vertices): ${turf.ms.toFixed(0)} ms wall, ${turf.cpuMs.toFixed(0)} ms CPU; ours on the same ring: ${ours2.ms.toFixed(1)} ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
