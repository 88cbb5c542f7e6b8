/**
 * A problem found while loading a workspace: where it is (file relative to the workspace, 1-based
 * line and column), which field (a dotted path such as `rules[1].by`), a stable code that scripts
 * and tests can rely on, and a message for people. Severity `error` makes the workspace invalid;
 * `warning` does not.
 */

export const PROBLEM_CODES = [
  'yaml-syntax', // the YAML parser rejected the text
  'json-syntax', // a .geojson file is not JSON
  'file-missing', // a required file (actors.yaml) or a referenced zone file does not exist
  'file-unreadable', // a file or folder could not be read
  'yaml11-boolean-key', // a key such as `on`, `yes`, `no` that YAML 1.1 parsers read as a boolean
  'unknown-field', // a key the format does not define
  'missing-field', // a required key is absent
  'invalid-type', // wrong kind of value (a string where a list is expected...)
  'invalid-value', // the right kind of value but not an allowed one (enum, slug, time format...)
  'invalid-zone-form', // a zone that is not exactly one of file, polygon, buffer, country, admin
  'unknown-actor', // an actor id that actors.yaml does not define
  'unknown-zone', // a zone id that the agreement does not define
  'unknown-rule', // a rule id that the agreement does not define
  'duplicate-id', // the same actor, rule or agreement id defined twice
  'id-file-mismatch', // an agreement whose id differs from its file name (warning)
  'until-before-from', // an interval that ends before it starts
  'amendment-order', // amendments not recorded in the order they take effect
  'unknown-time-zone', // `tz` is not an IANA time zone
  'unknown-country', // not an ISO 3166-1 alpha-2 code of the built-in boundaries
  'unknown-admin-code', // not a P-code of the built-in admin boundaries
  'coordinate-out-of-range', // longitude outside [-180, 180] or latitude outside [-90, 90]
  'unclosed-ring', // a polygon ring whose last position differs from its first
  'ring-too-short', // a polygon ring with fewer than 4 positions
  'self-intersection', // a polygon whose edges cross
  'lat-lon-swapped', // positions written [lat, lon] instead of GeoJSON's [lon, lat]
  'empty-buffer-line', // a buffer line with fewer than 2 positions
  'invalid-width', // width_km <= 0, or a width range [min, max] with min > max
  'invalid-geometry', // a zone file that is not a Polygon/MultiPolygon (or Feature/Collection of them)
  'cycle', // member_of, affiliate_of or succeeded_by loops back to the actor
  'overlapping-membership', // the same actor in the same coalition twice over overlapping time
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export type Severity = 'error' | 'warning';

export interface Problem {
  /** path relative to the workspace folder, with `/` separators */
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  /** dotted path of the field, e.g. `rules[1].by`; empty for the whole file */
  field: string;
  code: ProblemCode;
  message: string;
  severity: Severity;
}

/** Render a YAML path as `rules[1].by` (numbers as indices, other keys dotted). */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** `file:line:col: error [code] field: message`, the format compilers use, so editors can jump to it. */
export function formatProblem(p: Problem): string {
  const field = p.field ? `${p.field}: ` : '';
  return `${p.file}:${p.line}:${p.column}: ${p.severity} [${p.code}] ${field}${p.message}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
