/**
 * `npm run bench -- adjudicate [--sizes 10000,100000,1000000] [--no-postgis]`
 *
 * Seeded synthetic data (adjudicate.lib.ts): 50 agreements, 1,000 zones, N incidents over Syria.
 * Each size runs in its own process (so peak RSS is per size) and reports:
 * - ingest: JSON lines parsed, validated and stored in columns (incidents/s);
 * - adjudication: every incident x every agreement judged, findings serialised and written to
 *   /dev/null (evaluations/s, the target >= 5,000,000/s on one core);
 * - the spatial question alone (which zones contain each of N exact points), for comparison
 *   with the PostGIS join (bench/postgis-join.ts) on the same points and zones;
 * - peak RSS (process.resourceUsage().maxRSS).
 * Then, unless --no-postgis, the PostGIS join on 1M points (needs TRUCE_BENCH_PG or
 * postgres://postgres@127.0.0.1:5432/test) and the ratio.
 */
import { spawnSync } from 'node:child_process';
import { openSync, writeSync } from 'node:fs';
import { loadavg } from 'node:os';
import { builtinGeometry } from '../src/pipeline/adjudicate/builtin-geometry.js';
import { findingJson } from '../src/pipeline/adjudicate/finding-json.js';
import { createAdjudicator } from '../src/pipeline/adjudicate/index.js';
import { ZoneRegistry } from '../src/pipeline/adjudicate/zone-registry.js';
import { incidentLines, makeActors, makeAgreements, makeZones, mulberry32, points } from './adjudicate.lib.js';
import { postgisJoin } from './postgis-join.js';

interface SizeResult {
  n: number;
  ingestMs: number;
  ingestCpuMs: number;
  adjudicateMs: number;
  adjudicateCpuMs: number;
  spatialCpuMs: number;
  evaluations: number;
  findings: number;
  spatialMs: number;
  containments: number;
  maxRssMb: number;
  load: number[];
}

function runSize(n: number): SizeResult {
  const zones = makeZones(mulberry32(1));
  const agreements = makeAgreements(mulberry32(2), zones);
  const adj = createAdjudicator({ actors: makeActors(), agreements }, { geometry: builtinGeometry() });
  const cols = adj.newColumns();
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let c0 = cpu();
  let t = performance.now();
  let line = 0;
  for (const l of incidentLines(mulberry32(3), n)) {
    const problem = cols.addLine(l, ++line);
    if (problem) throw new Error(`line ${line}: ${problem}`);
  }
  const ingestMs = performance.now() - t;
  const ingestCpuMs = cpu() - c0;

  const fd = openSync('/dev/null', 'w');
  let batch = '';
  let findings = 0;
  c0 = cpu();
  t = performance.now();
  const stats = adj.forEachFinding(cols, (f) => {
    findings++;
    batch += `${findingJson(f)}\n`;
    if (batch.length > 1 << 16) {
      writeSync(fd, batch);
      batch = '';
    }
  });
  writeSync(fd, batch);
  const adjudicateMs = performance.now() - t;
  const adjudicateCpuMs = cpu() - c0;

  // the spatial question alone: every zone (all 1,000, as in PostGIS) that contains each exact point
  const xy = points(mulberry32(4), n);
  const registry = new ZoneRegistry(adj.geometry);
  for (const z of zones)
    registry.add(z.polygon ? { polygon: z.polygon as [number, number][][] } : { buffer: z.buffer as never });
  const out = new Int32Array(registry.entries.length);
  let containments = 0;
  c0 = cpu();
  t = performance.now();
  for (let i = 0; i < n; i++) {
    const lon = xy[2 * i];
    const lat = xy[2 * i + 1];
    const c = registry.candidates(lon, lat, 0, out);
    for (let k = 0; k < c; k++) {
      // a point in the uncertain band of a width range counts as inside, as PostGIS's outer buffer
      if (registry.entries[out[k]].zone.classifyDisc(lon, lat, 0) !== 0) containments++;
    }
  }
  const spatialMs = performance.now() - t;
  const spatialCpuMs = cpu() - c0;
  return {
    n,
    ingestMs,
    ingestCpuMs,
    adjudicateMs,
    adjudicateCpuMs,
    spatialCpuMs,
    evaluations: stats.evaluations,
    findings,
    spatialMs,
    containments,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    load: loadavg(),
  };
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

export default async function main(args: string[]): Promise<void> {
  const one = args.indexOf('--one');
  if (one >= 0) {
    process.stdout.write(`${JSON.stringify(runSize(Number(args[one + 1])))}\n`);
    return;
  }
  const sizesArg = args.indexOf('--sizes');
  const sizes = sizesArg >= 0 ? args[sizesArg + 1].split(',').map(Number) : [10_000, 100_000, 1_000_000];
  const results: SizeResult[] = [];
  for (const n of sizes) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, process.argv[1], 'adjudicate', '--one', String(n)],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    );
    if (child.status !== 0) throw new Error(`size ${n} failed:\n${child.stderr}`);
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as SizeResult;
    results.push(r);
    process.stdout.write(
      `n=${fmt(n)}: ingest ${fmt(r.ingestMs)} ms wall / ${fmt(r.ingestCpuMs)} ms CPU (${fmt((n / r.ingestCpuMs) * 1000)} incidents per CPU-s); ` +
        `adjudication ${fmt(r.adjudicateMs)} ms wall / ${fmt(r.adjudicateCpuMs)} ms CPU, ${fmt(r.evaluations)} evaluations ` +
        `(${fmt((r.evaluations / r.adjudicateMs) * 1000)}/s wall, ${fmt((r.evaluations / r.adjudicateCpuMs) * 1000)} per CPU-s), ` +
        `${fmt(r.findings)} findings; spatial alone ${fmt(r.spatialMs)} ms wall / ${fmt(r.spatialCpuMs)} ms CPU (${fmt(r.containments)} containments); ` +
        `peak RSS ${fmt(r.maxRssMb)} MB; load ${r.load.map((x) => x.toFixed(2)).join(' ')}\n`,
    );
  }
  if (!args.includes('--no-postgis')) {
    const n = Math.max(...sizes);
    const url = process.env.TRUCE_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
    try {
      const pg = await postgisJoin(url, n);
      const ours = results.find((r) => r.n === n)!;
      process.stdout.write(
        `PostGIS join, ${fmt(n)} points x 1,000 zones: ${fmt(pg.joinMs)} ms (${fmt(pg.containments)} containments); ` +
          `ours: spatial alone ${fmt(ours.spatialMs)} ms (${(pg.joinMs / ours.spatialMs).toFixed(1)}x faster), ` +
          `whole adjudication ${fmt(ours.adjudicateMs)} ms (${(pg.joinMs / ours.adjudicateMs).toFixed(2)}x)\n`,
      );
    } catch (err) {
      process.stdout.write(`PostGIS baseline skipped: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }
}
