/**
 * Turn zod issues into located problems. Zod says *what* is wrong and at which data path; this
 * maps the path to the YAML node (line, column), names unknown fields with a suggestion, picks the
 * union branch the author meant (a zone with `polygon:` is a polygon zone, so report its issues and
 * not those of the four other forms), and gives geometry issues their own codes.
 */
import type { z } from 'zod';
import { didYouMean } from './did-you-mean.js';
import type { ProblemCode } from './problem.js';
import {
  type AnySchema,
  dataAt,
  describeExpected,
  distinguishingKeys,
  objectBranchesMeant,
  objectKeys,
  schemaAt,
  typeMatches,
  unionOptions,
} from './schema-walk.js';
import type { PathSeg, SourceFile } from './source-file.js';

type Issue = z.core.$ZodIssue;

/** Validate `data` (found at `base` in `src`); report every issue; return the parsed value or undefined. */
export function validateAt<S extends AnySchema>(
  src: SourceFile,
  schema: S,
  data: unknown,
  base: readonly PathSeg[] = [],
): z.output<S> | undefined {
  const r = schema.safeParse(data);
  if (r.success) return r.data as z.output<S>;
  reportIssues(src, schema, data, base, r.error.issues);
  return undefined;
}

export function reportIssues(
  src: SourceFile,
  schema: AnySchema,
  data: unknown,
  base: readonly PathSeg[],
  issues: readonly Issue[],
): void {
  for (const issue of issues) reportIssue(src, schema, data, base, issue);
}

export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${v}`;
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return 'a date';
  return 'a mapping';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Geometry issues get their own codes. `value` tells a ring (a list of positions) from a position
 * (a list of numbers), since Polygon and MultiPolygon nest them at different depths.
 */
function geometryCode(full: readonly PathSeg[], origin: string | undefined, value: unknown): ProblemCode | undefined {
  const names = full.filter((s): s is string => typeof s === 'string');
  const last = names[names.length - 1];
  if (names.includes('width_km')) return 'invalid-width';
  if (last !== 'polygon' && last !== 'coordinates' && last !== 'line') return undefined;
  if (origin === 'number') return 'coordinate-out-of-range';
  if (!Array.isArray(value) || (value.length > 0 && !Array.isArray(value[0]))) return undefined;
  return last === 'line' ? 'empty-buffer-line' : 'ring-too-short';
}

/** `lat` and `lon` fields (places, incidents) get the coordinate code too. */
function coordinateField(full: readonly PathSeg[]): boolean {
  const last = full[full.length - 1];
  return last === 'lat' || last === 'lon';
}

function boundMessage(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, value: unknown): string {
  const what =
    issue.origin === 'array' || issue.origin === 'set' ? 'items' : issue.origin === 'string' ? 'characters' : '';
  const n = Array.isArray(value) ? value.length : typeof value === 'string' ? value.length : value;
  if (issue.code === 'too_big') {
    const op = issue.inclusive === false ? '<' : '<=';
    return `must be ${op} ${String(issue.maximum)}${what ? ` ${what}` : ''}, got ${String(n)}`;
  }
  const op = issue.inclusive === false ? '>' : '>=';
  return `must be ${op} ${String(issue.minimum)}${what ? ` ${what}` : ''}, got ${String(n)}`;
}

/** Geometry fields already reported as mis-shaped, per file: one message per field, not per number. */
const misshapen = new WeakMap<SourceFile, Set<string>>();

/**
 * A shape error inside coordinates (a missing level of brackets, a position of 3 numbers) is
 * reported once, at the geometry field, with the shape it needs.
 */
function reportMisshapenGeometry(src: SourceFile, full: readonly PathSeg[], issue: Issue, value: unknown): boolean {
  // a "ring" holding numbers is a position one level too high, not a short ring
  const structural =
    issue.code === 'invalid_type' ||
    (issue.code === 'too_small' &&
      Array.isArray(value) &&
      value.some((v) => typeof v === 'number') &&
      /ring/.test(issue.message));
  if (!structural) return false;
  let at = -1;
  for (let i = full.length - 1; i >= 0; i--) {
    if (full[i] === 'polygon' || full[i] === 'coordinates' || full[i] === 'line') {
      at = i;
      break;
    }
  }
  if (at < 0 || at === full.length - 1) return false;
  const root = full.slice(0, at + 1);
  const key = root.join('\u0000');
  let seen = misshapen.get(src);
  if (!seen) {
    seen = new Set();
    misshapen.set(src, seen);
  }
  if (!seen.has(key)) {
    seen.add(key);
    const shape =
      full[at] === 'line'
        ? 'a list of [lon, lat] positions'
        : 'a list of rings, each a list of [lon, lat] positions: [[[lon, lat], ...]]';
    src.add(root, 'invalid-type', `must be ${shape}`);
  }
  return true;
}

function reportIssue(src: SourceFile, schema: AnySchema, data: unknown, base: readonly PathSeg[], issue: Issue): void {
  const path = issue.path as PathSeg[];
  const full = [...base, ...path];
  const value = dataAt(data, path);
  if (reportMisshapenGeometry(src, full, issue, value)) return;
  const missing = () => {
    const parent = dataAt(data, path.slice(0, -1));
    return value === undefined && isRecord(parent) && path.length > 0 && !(String(path[path.length - 1]) in parent);
  };
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = objectKeys(schemaAt(schema, path, data) ?? schema) ?? [];
      for (const key of issue.keys) {
        src.add([...full, key], 'unknown-field', `unknown field \`${key}\`${didYouMean(key, allowed)}`, { key: true });
      }
      return;
    }
    case 'invalid_type': {
      if (missing()) {
        src.add(full, 'missing-field', `missing required field \`${String(path[path.length - 1])}\``);
        return;
      }
      const s = schemaAt(schema, path, data);
      const names: Record<string, string> = {
        object: 'a mapping',
        array: 'a list',
        string: 'a string',
        number: 'a number',
      };
      const expected = s ? describeExpected(s) : (names[String(issue.expected)] ?? String(issue.expected));
      src.add(full, 'invalid-type', `expected ${expected}, got ${describeValue(value)}`);
      return;
    }
    case 'invalid_union':
      reportUnion(src, schema, data, base, issue);
      return;
    case 'invalid_value': {
      if (missing()) {
        src.add(full, 'missing-field', `missing required field \`${String(path[path.length - 1])}\``);
        return;
      }
      const allowed = issue.values.map(String);
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
      src.add(full, 'invalid-value', `${describeValue(value)} is not one of ${allowed.join(', ')}${hint}`);
      return;
    }
    case 'too_small':
    case 'too_big': {
      const code = geometryCode(full, issue.origin, value);
      if (code === 'coordinate-out-of-range') {
        const axis = path[path.length - 1] === 0 ? 'longitude' : 'latitude';
        const range = axis === 'longitude' ? '[-180, 180]' : '[-90, 90]';
        src.add(full, code, `${axis} ${String(value)} is outside ${range}`);
      } else if (code === 'empty-buffer-line') {
        src.add(full, code, 'a buffer line needs at least 2 positions');
      } else if (code === 'ring-too-short') {
        src.add(full, code, 'a linear ring needs at least 4 positions (the first repeated last)');
      } else if (code === 'invalid-width') {
        src.add(full, code, `width_km must be > 0, got ${String(value)}`);
      } else if (issue.origin === 'array' && Array.isArray(value) && typeof value[0] === 'number') {
        src.add(full, 'invalid-value', 'a position is [longitude, latitude]');
      } else {
        src.add(full, coordinateField(full) ? 'coordinate-out-of-range' : 'invalid-value', boundMessage(issue, value));
      }
      return;
    }
    case 'invalid_key':
      // a key that is a list or mapping has been reported by SourceFile already
      if (!src.hasScalarKey(full)) return;
      src.add(
        full,
        'invalid-value',
        `invalid key \`${String(path[path.length - 1])}\`: ${issue.issues[0]?.message ?? issue.message}`,
        {
          key: true,
        },
      );
      return;
    case 'invalid_format':
      src.add(full, 'invalid-value', `${describeValue(value)}: ${issue.message}`);
      return;
    default: {
      const code = geometryCode(full, undefined, value) === 'invalid-width' ? 'invalid-width' : 'invalid-value';
      src.add(full, code, issue.message);
    }
  }
}

function reportUnion(
  src: SourceFile,
  schema: AnySchema,
  data: unknown,
  base: readonly PathSeg[],
  issue: z.core.$ZodIssueInvalidUnion,
): void {
  const path = issue.path as PathSeg[];
  const full = [...base, ...path];
  const value = dataAt(data, path);
  if ((issue as { note?: string }).note === 'No matching discriminator') {
    // the path already ends at the discriminator (`kind`)
    const opts = ((issue as unknown as { options?: unknown[] }).options ?? []).map(String);
    if (value === undefined)
      src.add(full, 'missing-field', `missing required field \`${String(path[path.length - 1])}\``);
    else {
      const hint = typeof value === 'string' ? didYouMean(value, opts) : '';
      src.add(full, 'invalid-value', `${describeValue(value)} is not one of ${opts.join(', ')}${hint}`);
    }
    return;
  }
  const union = schemaAt(schema, path, data, { pickLast: false });
  const options = union ? unionOptions(union) : undefined;
  if (!union || !options || options.length !== issue.errors.length) {
    src.add(full, 'invalid-value', issue.message);
    return;
  }
  if (value === undefined && isRecord(dataAt(data, path.slice(0, -1))) && path.length > 0) {
    src.add(full, 'missing-field', `missing required field \`${String(path[path.length - 1])}\``);
    return;
  }
  const typed = options.map((_, i) => i).filter((i) => typeMatches(options[i], value));
  const recurse = (i: number) => reportIssues(src, options[i], value, full, issue.errors[i]);
  if (typed.length === 0) {
    const expected = describeExpected(union);
    const hint =
      typeof value === 'number' && expected.includes('a date')
        ? ` (write a year or date as a quoted string: "${String(value)}")`
        : '';
    src.add(full, 'invalid-type', `expected ${expected}, got ${describeValue(value)}${hint}`);
    return;
  }
  if (typed.length === 1) {
    recurse(typed[0]);
    return;
  }
  if (isRecord(value)) {
    const objOpts = typed.map((i) => options[i]);
    const meant = objectBranchesMeant(objOpts, value);
    if (meant.length === 1) {
      recurse(options.indexOf(meant[0]));
      return;
    }
    const forms = distinguishingKeys(objOpts);
    const present = forms.filter((k) => k in value);
    const all = new Set(objOpts.flatMap((o) => objectKeys(o) ?? []));
    for (const key of Object.keys(value)) {
      if (!all.has(key)) {
        src.add([...full, key], 'unknown-field', `unknown field \`${key}\`${didYouMean(key, all)}`, { key: true });
      }
    }
    const found = present.length === 0 ? 'found none' : `found ${present.map((k) => `\`${k}\``).join(' and ')}`;
    src.add(full, 'invalid-zone-form', `expected exactly one of ${forms.map((k) => `\`${k}\``).join(', ')} (${found})`);
    return;
  }
  // several branches of the right type (e.g. two string forms): report the closest one
  const best = typed.reduce((a, b) => (issue.errors[b].length < issue.errors[a].length ? b : a));
  recurse(best);
}
