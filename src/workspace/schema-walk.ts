/**
 * Walking a zod 4 schema alongside the data it rejected, to answer questions that zod's issues do
 * not: which keys would this object have allowed (for "did you mean"), and which branch of a union
 * did the user intend. Reads `schema._zod.def`, zod 4's documented introspection surface
 * (https://zod.dev/library-authors).
 */
import type { z } from 'zod';
import type { PathSeg } from './source-file.js';

interface Def {
  type: string;
  [k: string]: unknown;
}

export type AnySchema = z.ZodType;

export function defOf(s: AnySchema): Def {
  return (s as unknown as { _zod: { def: Def } })._zod.def;
}

/** Strip optional, nullable, default, pipe and the like down to the schema that does the work. */
export function unwrap(s: AnySchema): AnySchema {
  let cur = s;
  for (let i = 0; i < 20; i++) {
    const def = defOf(cur);
    if (['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional'].includes(def.type)) {
      cur = def.innerType as AnySchema;
    } else if (def.type === 'pipe') {
      cur = def.in as AnySchema;
    } else if (def.type === 'lazy') {
      cur = (def.getter as () => AnySchema)();
    } else {
      break;
    }
  }
  return cur;
}

export function unionOptions(s: AnySchema): AnySchema[] | undefined {
  const def = defOf(unwrap(s));
  return def.type === 'union' ? (def.options as AnySchema[]) : undefined;
}

/** Keys of an object schema (after unwrapping), or undefined if it is not one. */
export function objectKeys(s: AnySchema): string[] | undefined {
  const def = defOf(unwrap(s));
  return def.type === 'object' ? Object.keys(def.shape as object) : undefined;
}

/** Does `value` have the base type `s` validates (so that this union branch is the one meant)? */
export function typeMatches(s: AnySchema, value: unknown): boolean {
  const def = defOf(unwrap(s));
  switch (def.type) {
    case 'string':
    case 'enum':
      return typeof value === 'string';
    case 'number':
    case 'int':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return value instanceof Date;
    case 'object':
    case 'record':
      return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
    case 'array':
    case 'tuple':
      return Array.isArray(value);
    case 'literal':
      return (def.values as unknown[]).includes(value);
    case 'union':
      return (def.options as AnySchema[]).some((o) => typeMatches(o, value));
    case 'null':
      return value === null;
    default:
      return true;
  }
}

/** A short human name of the type a schema expects. */
export function describeExpected(s: AnySchema): string {
  const def = defOf(unwrap(s));
  switch (def.type) {
    case 'object':
    case 'record':
      return 'a mapping';
    case 'array':
    case 'tuple':
      return 'a list';
    case 'string':
      return 'a string';
    case 'enum':
      return `one of ${Object.values(def.entries as object).join(', ')}`;
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'date':
      return 'a date';
    case 'union': {
      const names = [...new Set((def.options as AnySchema[]).map(describeExpected))];
      // the workspace's time values: a string pattern or a YAML 1.1 timestamp
      if (names.length === 2 && names.includes('a string') && names.includes('a date')) {
        return 'a date or an ISO 8601 instant';
      }
      return names.join(' or ');
    }
    default:
      return def.type;
  }
}

/** The data at `path`, or undefined. */
export function dataAt(data: unknown, path: readonly PathSeg[]): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/**
 * The schema that validates `data` at `path` (relative to `schema` and `data`), resolving unions by
 * the discriminator or by the type of the data. Undefined when the path leaves the schema.
 */
export function schemaAt(
  schema: AnySchema,
  path: readonly PathSeg[],
  data: unknown,
  opts: { pickLast?: boolean } = {},
): AnySchema | undefined {
  let cur: AnySchema | undefined = schema;
  let value = data;
  for (let i = 0; i <= path.length && cur; i++) {
    if (i === path.length && opts.pickLast === false) break;
    cur = pickBranch(cur, value);
    if (i === path.length || !cur) break;
    const seg = path[i];
    const def = defOf(unwrap(cur));
    if (def.type === 'object')
      cur = (def.shape as Record<string, AnySchema>)[String(seg)] ?? (def.catchall as AnySchema);
    else if (def.type === 'array') cur = def.element as AnySchema;
    else if (def.type === 'record') cur = def.valueType as AnySchema;
    else if (def.type === 'tuple') cur = (def.items as AnySchema[])[Number(seg)] ?? (def.rest as AnySchema);
    else cur = undefined;
    value = dataAt(value, [seg]);
  }
  return cur;
}

/** For a union, the branch `value` was meant for (by discriminator, else by type); else `s`. */
export function pickBranch(s: AnySchema, value: unknown): AnySchema | undefined {
  const def = defOf(unwrap(s));
  if (def.type !== 'union') return s;
  const options = def.options as AnySchema[];
  const disc = def.discriminator as string | undefined;
  if (disc && value && typeof value === 'object') {
    const v = (value as Record<string, unknown>)[disc];
    const hit = options.find((o) => {
      const d = defOf(unwrap(o));
      const lit = d.type === 'object' ? (d.shape as Record<string, AnySchema>)[disc] : undefined;
      return lit && typeMatches(lit, v);
    });
    return hit;
  }
  const typed = options.filter((o) => typeMatches(o, value));
  if (typed.length === 1) return pickBranch(typed[0], value);
  if (typed.length > 1 && value && typeof value === 'object' && !Array.isArray(value)) {
    const meant = objectBranchesMeant(typed, value as Record<string, unknown>);
    if (meant.length === 1) return meant[0];
  }
  return undefined;
}

/**
 * Among object branches, those whose distinguishing keys (keys not shared by every branch, such
 * as a zone's `file` or `polygon`) appear in the data.
 */
export function objectBranchesMeant(options: AnySchema[], value: Record<string, unknown>): AnySchema[] {
  const keysets = options.map((o) => objectKeys(o) ?? []);
  const common = keysets.reduce<string[]>((acc, ks) => acc.filter((k) => ks.includes(k)), keysets[0] ?? []);
  return options.filter((_, i) => keysets[i].some((k) => !common.includes(k) && k in value));
}

/** The distinguishing keys of object branches (see objectBranchesMeant). */
export function distinguishingKeys(options: AnySchema[]): string[] {
  const keysets = options.map((o) => objectKeys(o) ?? []);
  const common = keysets.reduce<string[]>((acc, ks) => acc.filter((k) => ks.includes(k)), keysets[0] ?? []);
  return keysets.flatMap((ks) => ks.filter((k) => !common.includes(k)));
}
