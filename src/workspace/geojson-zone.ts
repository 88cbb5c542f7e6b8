/**
 * A `file` zone: a GeoJSON Polygon or MultiPolygon, or a Feature or FeatureCollection of them,
 * resolved to one Polygon/MultiPolygon. Problems are reported in the .geojson file itself, with
 * line and column. JSON.parse does the work; the YAML parser (JSON is YAML 1.2) is only run to
 * locate a problem, so that large valid files stay fast.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { polygonCoords } from '../domain/zone.js';
import { checkPolygonRings, checkSwapped, type Report, ringPositions } from './geometry-checks.js';
import type { Problem } from './problem.js';
import { type PathSeg, SourceFile } from './source-file.js';
import { validateAt } from './zod-problems.js';

export type Areal = Polygon | MultiPolygon;

/** Parse and check a zone file's text. `file` is its workspace-relative path. */
export function resolveGeoJsonZone(
  file: string,
  text: string,
  country: string | undefined,
): { geometry: Areal | undefined; problems: Problem[] } {
  let lazy: SourceFile | undefined;
  const src = () => {
    lazy ??= new SourceFile(file, text);
    return lazy;
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const s = src();
    if (s.problems.length > 0) {
      return { geometry: undefined, problems: s.problems.map((p) => ({ ...p, code: 'json-syntax' as const })) };
    }
    // valid YAML but not JSON (a trailing comma, a comment): JSON.parse names the offset
    const message = err instanceof Error ? err.message : String(err);
    const at = /at position (\d+)/.exec(message);
    const pos = at ? s.pos(Number(at[1])) : { line: 1, column: 1 };
    return {
      geometry: undefined,
      problems: [
        {
          file,
          ...pos,
          field: '',
          code: 'json-syntax',
          message: message.replace(/ in JSON at position \d+.*$/, ''),
          severity: 'error',
        },
      ],
    };
  }
  const report: Report = (path, code, message) => src().add(path, code, message);
  const polygons: { coords: unknown; path: PathSeg[] }[] = [];
  collect(data, [], polygons, report);
  const good: number[][][][] = [];
  for (const { coords, path } of polygons) {
    if (!polygonCoords.safeParse(coords).success) {
      validateAt(src(), polygonCoords, coords, path);
      continue;
    }
    const rings = coords as number[][][];
    if (!checkPolygonRings(rings, path, report)) continue;
    if (!checkSwapped(country, ringPositions(rings, path), report)) continue;
    good.push(rings);
  }
  const problems = lazy?.problems ?? [];
  if (problems.length > 0 || good.length === 0) {
    if (problems.length === 0) report([], 'invalid-geometry', 'the file holds no Polygon or MultiPolygon');
    return { geometry: undefined, problems: lazy?.problems ?? [] };
  }
  const geometry: Areal =
    good.length === 1 ? { type: 'Polygon', coordinates: good[0] } : { type: 'MultiPolygon', coordinates: good };
  return { geometry, problems: [] };
}

function collect(node: unknown, path: PathSeg[], out: { coords: unknown; path: PathSeg[] }[], report: Report): void {
  if (!node || typeof node !== 'object' || Array.isArray(node)) {
    report(path, 'invalid-geometry', 'expected a GeoJSON object');
    return;
  }
  const o = node as Record<string, unknown>;
  switch (o.type) {
    case 'Polygon':
      out.push({ coords: o.coordinates, path: [...path, 'coordinates'] });
      return;
    case 'MultiPolygon':
      if (!Array.isArray(o.coordinates)) {
        report([...path, 'coordinates'], 'invalid-geometry', 'MultiPolygon coordinates must be a list of polygons');
        return;
      }
      o.coordinates.forEach((c, i) => {
        out.push({ coords: c, path: [...path, 'coordinates', i] });
      });
      return;
    case 'Feature':
      collect(o.geometry, [...path, 'geometry'], out, report);
      return;
    case 'FeatureCollection':
      if (!Array.isArray(o.features) || o.features.length === 0) {
        report([...path, 'features'], 'invalid-geometry', 'a FeatureCollection needs at least one feature');
        return;
      }
      o.features.forEach((f, i) => {
        collect(f, [...path, 'features', i], out, report);
      });
      return;
    default:
      report(
        o.type === undefined ? path : [...path, 'type'],
        'invalid-geometry',
        `expected a Polygon or MultiPolygon (or a Feature or FeatureCollection of them), got ${o.type === undefined ? 'no type' : JSON.stringify(o.type)}`,
      );
  }
}
