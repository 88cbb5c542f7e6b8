/**
 * `npm run bench -- postgis-join [N]`: the baseline for bench/adjudicate.ts. The same 1,000 zones
 * and N points (same seeds) in PostGIS, a GiST index on the zones, one core
 * (max_parallel_workers_per_gather = 0), and the spatial join "which zones contain each point"
 * timed alone (loading excluded). Buffer zones become ST_Buffer of the line as geography (metres,
 * the outer width of a range). Needs PostgreSQL with PostGIS (`apt-get install -y
 * postgresql-15-postgis-3`); URL from TRUCE_BENCH_PG or postgres://postgres@127.0.0.1:5432/test.
 */
import postgres from 'postgres';
import { makeZones, mulberry32, points } from './adjudicate.lib.js';

export interface JoinResult {
  joinMs: number;
  containments: number;
}

export async function postgisJoin(url: string, n: number): Promise<JoinResult> {
  const sql = postgres(url, { onnotice: () => {}, max: 1 });
  try {
    await sql`CREATE EXTENSION IF NOT EXISTS postgis`;
    await sql`DROP TABLE IF EXISTS bench_zones, bench_points`;
    await sql`CREATE TABLE bench_zones (id int PRIMARY KEY, geom geometry(Geometry, 4326) NOT NULL)`;
    await sql`CREATE TABLE bench_points (id int PRIMARY KEY, geom geometry(Point, 4326) NOT NULL)`;
    const zones = makeZones(mulberry32(1));
    for (let k = 0; k < zones.length; k++) {
      const z = zones[k];
      if (z.polygon) {
        await sql`INSERT INTO bench_zones VALUES (${k}, ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify({ type: 'Polygon', coordinates: z.polygon })}), 4326))`;
      } else {
        const w = z.buffer!.width_km;
        const half = ((typeof w === 'number' ? w : w[1]) / 2) * 1000;
        const line = JSON.stringify({ type: 'LineString', coordinates: z.buffer!.line });
        await sql`INSERT INTO bench_zones VALUES (${k}, ST_Buffer(ST_SetSRID(ST_GeomFromGeoJSON(${line}), 4326)::geography, ${half})::geometry)`;
      }
    }
    await sql`CREATE INDEX bench_zones_gist ON bench_zones USING gist (geom)`;
    const xy = points(mulberry32(4), n);
    const writable = await sql`COPY bench_points (id, geom) FROM STDIN`.writable();
    await new Promise<void>((resolve, reject) => {
      writable.on('error', reject);
      writable.on('finish', resolve);
      let i = 0;
      const pump = () => {
        let ok = true;
        while (i < n && ok) {
          ok = writable.write(`${i}\tSRID=4326;POINT(${xy[2 * i]} ${xy[2 * i + 1]})\n`);
          i++;
        }
        if (i < n) writable.once('drain', pump);
        else writable.end();
      };
      pump();
    });
    await sql`ANALYZE bench_zones`;
    await sql`ANALYZE bench_points`;
    const result = await sql.begin(async (tx) => {
      await tx`SET LOCAL max_parallel_workers_per_gather = 0`;
      const t = performance.now();
      const [row] =
        await tx`SELECT count(*)::int AS c FROM bench_points p JOIN bench_zones z ON ST_Contains(z.geom, p.geom)`;
      return { joinMs: performance.now() - t, containments: row.c as number };
    });
    await sql`DROP TABLE IF EXISTS bench_zones, bench_points`;
    return result;
  } finally {
    await sql.end();
  }
}

export default async function main(args: string[]): Promise<void> {
  const n = Number(args[0] ?? 1_000_000);
  const url = process.env.TRUCE_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
  const r = await postgisJoin(url, n);
  process.stdout.write(
    `PostGIS join: ${n} points x 1,000 zones in ${Math.round(r.joinMs)} ms, ${r.containments} containments\n`,
  );
}
