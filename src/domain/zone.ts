/**
 * Zone forms (formats.md §3). A zone is declared by one of five forms; geometry is resolved later
 * (src/pipeline/adjudicate) so that the domain stays pure data.
 */
import { z } from 'zod';

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
export const position = z.tuple([lon, lat]);
export const ring = z.array(position).min(4, 'a linear ring needs at least 4 positions (first = last)');
export const polygonCoords = z.array(ring).min(1);

/** `[15, 20]`: the outer edge is uncertain between the two widths. */
export const widthKm = z.union([
  z.number().positive('width_km must be > 0'),
  z
    .tuple([z.number().positive('width_km must be > 0'), z.number().positive('width_km must be > 0')])
    .refine(([a, b]) => a <= b, 'width range [min, max] needs min <= max'),
]);

const meta = { note: z.string().optional(), source: z.string().optional() };

export const zoneSchema = z.union([
  z.object({ file: z.string().min(1), ...meta }).strict(),
  z.object({ polygon: polygonCoords, ...meta }).strict(),
  z
    .object({
      buffer: z.object({ line: z.array(position).min(2, 'a buffer line needs at least 2 positions'), width_km: widthKm }).strict(),
      ...meta,
    })
    .strict(),
  z.object({ country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code, e.g. SY'), ...meta }).strict(),
  z.object({ admin: z.string().min(2), ...meta }).strict(),
]);
export type ZoneSpec = z.infer<typeof zoneSchema>;
export type Position = z.infer<typeof position>;

export function zoneForm(z: ZoneSpec): 'file' | 'polygon' | 'buffer' | 'country' | 'admin' {
  if ('file' in z) return 'file';
  if ('polygon' in z) return 'polygon';
  if ('buffer' in z) return 'buffer';
  if ('country' in z) return 'country';
  return 'admin';
}
