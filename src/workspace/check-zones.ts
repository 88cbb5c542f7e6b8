/**
 * One zone declaration: its form (zod picks the branch), then what the schema cannot say: a
 * polygon's rings closed and not self-intersecting, positions not swapped, a buffer line that is a
 * line, a zone file that exists and holds polygons, a country or admin code the built-in
 * boundaries know. Returns the resolved geometry for `file` and `polygon` zones.
 */
import { type ZoneSpec, zoneSchema } from '../domain/zone.js';
import { adminUnits, isKnownAdminCode, isKnownCountryCode } from '../geo/index.js';
import { didYouMean } from './did-you-mean.js';
import { type Areal, resolveGeoJsonZone } from './geojson-zone.js';
import { checkPolygonRings, checkSwapped, type Report, ringPositions } from './geometry-checks.js';
import type { Problem } from './problem.js';
import type { PathSeg, SourceFile } from './source-file.js';

export interface ZoneContext {
  src: SourceFile;
  /** the agreement's country, for detecting swapped coordinates */
  country: string | undefined;
  /** read a workspace-relative zone file; undefined when it does not exist */
  readZoneFile: (relPath: string) => Promise<{ file: string; text: string } | undefined>;
  /** zone files already resolved in this load, by file and country */
  zoneFileCache: Map<string, ReturnType<typeof resolveGeoJsonZone>>;
}

let adminCodes: string[] | undefined;

export async function checkZone(ctx: ZoneContext, raw: unknown, path: PathSeg[]): Promise<Areal | undefined> {
  // the agreement schema already reported the shape; only a well-formed zone gets checked further
  const parsed = zoneSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const zone: ZoneSpec = parsed.data;
  const { src } = ctx;
  const report: Report = (p, code, message) => src.add(p, code, message);
  if ('polygon' in zone) {
    const rings = zone.polygon as number[][][];
    const base = [...path, 'polygon'];
    if (!checkPolygonRings(rings, base, report)) return undefined;
    if (!checkSwapped(ctx.country, ringPositions(rings, base), report)) return undefined;
    return { type: 'Polygon', coordinates: rings };
  }
  if ('buffer' in zone) {
    const line = zone.buffer.line as number[][];
    const base = [...path, 'buffer', 'line'];
    const distinct = new Set(line.map((p) => `${p[0]},${p[1]}`));
    if (distinct.size < 2) report(base, 'empty-buffer-line', 'a buffer line needs at least 2 distinct positions');
    checkSwapped(
      ctx.country,
      line.map((pos, i) => ({ pos, path: [...base, i] })),
      report,
    );
    return undefined;
  }
  if ('country' in zone) {
    if (!isKnownCountryCode(zone.country)) {
      report(
        [...path, 'country'],
        'unknown-country',
        `unknown country code \`${zone.country}\` (ISO 3166-1 alpha-2 of the built-in boundaries)`,
      );
    }
    return undefined;
  }
  if ('admin' in zone) {
    if (!isKnownAdminCode(zone.admin)) {
      adminCodes ??= adminUnits().map((u) => u.pcode);
      report(
        [...path, 'admin'],
        'unknown-admin-code',
        `unknown admin code \`${zone.admin}\`${didYouMean(zone.admin, adminCodes)}`,
      );
    }
    return undefined;
  }
  const loaded = await ctx.readZoneFile(zone.file);
  if (!loaded) {
    report([...path, 'file'], 'file-missing', `zone file \`${zone.file}\` does not exist in the workspace`);
    return undefined;
  }
  // agreements often share a zone file: check it once per country
  const key = `${loaded.file}\u0000${ctx.country ?? ''}`;
  let resolved = ctx.zoneFileCache.get(key);
  if (!resolved) {
    resolved = resolveGeoJsonZone(loaded.file, loaded.text, ctx.country);
    ctx.zoneFileCache.set(key, resolved);
  }
  const { geometry, problems } = resolved;
  for (const p of problems) src.problems.push(p as Problem);
  if (problems.length > 0) {
    report(
      [...path, 'file'],
      'invalid-geometry',
      `zone file \`${zone.file}\` is not a valid zone (see ${loaded.file})`,
    );
  }
  return geometry;
}
