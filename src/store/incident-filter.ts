/**
 * The one incident filter shared by the API (query string), `truce export` (flags) and the store.
 * Every field is optional and every value arrives as a string (query strings and CLI flags), so
 * the schema coerces; comma-separated lists are accepted wherever a list makes sense.
 */
import { z } from 'zod';
import { VERDICTS } from '../domain/finding.js';
import { isTimeString, parseTime } from '../domain/time.js';
import { REVIEW_STATES } from './records.js';

const list = <T extends string>(item: z.ZodType<T, string>) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item));

const time = z.string().refine(isTimeString, 'expected an ISO 8601 instant or a date (YYYY, YYYY-MM, YYYY-MM-DD)');

export const incidentFilterSchema = z
  .object({
    /** incidents whose time interval ends after `from` (inclusive start of the window) */
    from: time.optional(),
    /** incidents whose time interval starts before `to` (a date means the end of that day) */
    to: time.optional(),
    /** minLon,minLat,maxLon,maxLat */
    bbox: z
      .string()
      .transform((s) => s.split(',').map(Number))
      .refine((a) => a.length === 4 && a.every(Number.isFinite) && a[0] <= a[2] && a[1] <= a[3], 'bbox is minLon,minLat,maxLon,maxLat')
      .optional(),
    /** a zone id of `agreement` (resolved to geometry by the caller; see listIncidents' `within`) */
    zone: z.string().optional(),
    agreement: z.string().optional(),
    verdict: list(z.enum(VERDICTS)).optional(),
    /** the actor an incident is attributed to (`by`) or a finding's party */
    party: z.string().optional(),
    type: list(z.string().regex(/^[a-z][a-z0-9_]*$/)).optional(),
    review: list(z.enum(REVIEW_STATES)).optional(),
    /** case-insensitive text search in description and place */
    q: z.string().min(1).optional(),
    min_confidence: z.coerce.number().min(0).max(1).optional(),
  })
  .strict();

export type IncidentFilterInput = z.input<typeof incidentFilterSchema>;
export type IncidentFilter = z.output<typeof incidentFilterSchema>;

/** `from`/`to` as epoch ms bounds (UTC for dates; the API has no workspace time zone). */
export function timeBounds(f: IncidentFilter, tz = 'UTC'): { from?: number; to?: number } {
  return {
    from: f.from ? parseTime(f.from, tz).start : undefined,
    to: f.to ? Math.max(parseTime(f.to, tz).end, parseTime(f.to, tz).start + 1) : undefined,
  };
}

export const pageSchema = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type PageInput = z.input<typeof pageSchema>;
