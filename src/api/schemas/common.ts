/** Schemas shared by several resources: pagination, GeoJSON, lists in query strings. */
import { z } from '@hono/zod-openapi';
import { isTimeString } from '../../domain/time.js';

/** `a,b,c` or repeated `?x=a&x=b` -> string[] */
export function csvList<T extends z.ZodType<string>>(item: T) {
  return z.preprocess(
    (v) =>
      v === undefined
        ? undefined
        : (Array.isArray(v) ? v : [v])
            .flatMap((s) => String(s).split(','))
            .map((s) => s.trim())
            .filter(Boolean),
    z.array(item).min(1).optional(),
  );
}

export const isoInstant = z.string().refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}(-\d{2})?/.test(s), {
  message: 'expected an ISO 8601 date or instant, e.g. 2018-09-17 or 2018-09-17T10:00Z',
});

/** formats.md times: an instant, or a partial date (`2016`, `2016-12`, `2016-12-30`, meaning that whole period, UTC). */
export const timeParam = z.string().refine(isTimeString, {
  message: 'expected an ISO 8601 instant or a date (YYYY, YYYY-MM, YYYY-MM-DD)',
});

export const limitParam = z.coerce.number().int().min(1).max(1000).default(50).openapi({
  description: 'page size (1-1000, default 50)',
  example: 50,
});
/**
 * Cursors are opaque to clients, but a cursor that is not one the server made must fail loudly
 * rather than silently restart at the first page: the store's keyset cursors are base64url JSON
 * arrays, so anything that does not decode to an array is refused here.
 */
export function isWellFormedCursor(s: string): boolean {
  if (!/^[A-Za-z0-9_-]+$/.test(s)) return false;
  try {
    return Array.isArray(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')));
  } catch {
    return false;
  }
}

export const cursorParam = z
  .string()
  .max(500)
  .refine(isWellFormedCursor, { message: 'not a cursor this server issued (pass `next_cursor` back unchanged)' })
  .optional()
  .openapi({ description: 'opaque cursor from `next_cursor` of the previous page' });

export function page<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      next_cursor: z
        .string()
        .nullable()
        .openapi({ description: 'pass as `cursor` to get the next page; null on the last page' }),
    })
    .openapi(name);
}

export const geometry = z
  .object({ type: z.string(), coordinates: z.any().optional(), geometries: z.array(z.any()).optional() })
  .openapi('Geometry', { description: 'a GeoJSON geometry (RFC 7946), WGS84 [lon, lat]' });

export const feature = z
  .object({
    type: z.literal('Feature'),
    id: z.union([z.string(), z.number()]).optional(),
    geometry: geometry.nullable(),
    properties: z.record(z.string(), z.any()).nullable(),
  })
  .openapi('Feature');

export const featureCollection = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(feature) })
  .openapi('FeatureCollection');

export const idParam = (name: string, description: string) =>
  z.object({
    id: z
      .string()
      .min(1)
      .max(200)
      .openapi({ param: { name: 'id', in: 'path' }, description, example: name }),
  });
