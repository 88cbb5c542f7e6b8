/**
 * The incident filters as query parameters, shared by the list, the CSV and GeoJSON exports and
 * the map (so an export is exactly what the list shows). Everything is optional; lists accept
 * `a,b` or repeated parameters.
 */
import { z } from '@hono/zod-openapi';
import { VERDICTS } from '../../domain/finding.js';
import { parseTime } from '../../domain/time.js';
import { csvList, cursorParam, limitParam, timeParam } from './common.js';
import { REVIEW_STATES } from './incident.js';

const bbox = z
  .string()
  .transform((s, ctx) => {
    const n = s.split(',').map((x) => Number(x.trim()));
    if (n.length !== 4 || n.some((x) => !Number.isFinite(x))) {
      ctx.addIssue({ code: 'custom', message: 'bbox is minLon,minLat,maxLon,maxLat (four numbers)' });
      return z.NEVER;
    }
    const [minLon, minLat, maxLon, maxLat] = n;
    if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90 || minLon > maxLon || minLat > maxLat) {
      ctx.addIssue({
        code: 'custom',
        message: 'bbox must satisfy -180 <= minLon <= maxLon <= 180 and -90 <= minLat <= maxLat <= 90',
      });
      return z.NEVER;
    }
    return [minLon, minLat, maxLon, maxLat] as [number, number, number, number];
  })
  .optional()
  .openapi({ type: 'string', description: 'minLon,minLat,maxLon,maxLat (WGS84)', example: '36.0,35.5,37.0,36.5' });

const filterShape = {
  from: timeParam
    .optional()
    .openapi({ description: 'incidents whose time interval ends after this instant', example: '2018-09-17' }),
  to: timeParam
    .optional()
    .openapi({ description: 'incidents whose time interval starts before this instant', example: '2019-01-01' }),
  bbox,
  agreement: z.string().optional().openapi({ description: 'only incidents with a finding of this agreement' }),
  zone: z
    .string()
    .optional()
    .openapi({ description: 'a zone id of `agreement` (or `AGREEMENT:ZONE`): incidents located inside it' }),
  verdict: csvList(z.enum(VERDICTS)).openapi({ type: 'string', description: `one or more of ${VERDICTS.join(', ')}` }),
  party: z.string().optional().openapi({ description: 'actor id: incidents where this actor is `by` or `against`' }),
  type: csvList(z.string().regex(/^[a-z][a-z0-9_]*$/, 'a snake_case event type')).openapi({
    type: 'string',
    description: 'ACLED sub-event types, comma separated',
  }),
  review: csvList(z.enum(REVIEW_STATES)).openapi({
    type: 'string',
    description: `review states: ${REVIEW_STATES.join(', ')}`,
  }),
  q: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'case-insensitive text search in description and place name' }),
  min_confidence: z.coerce
    .number()
    .min(0)
    .max(1)
    .optional()
    .openapi({ description: 'only incidents whose confidence (0..1) is at least this' }),
};

function checkFilters(
  f: { from?: string; to?: string; zone?: string; agreement?: string },
  ctx: z.RefinementCtx,
): void {
  if (f.from && f.to && parseTime(f.from, 'UTC').start >= parseTime(f.to, 'UTC').end) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` must be after `from`' });
  }
  if (f.zone && !f.agreement && !f.zone.includes(':')) {
    ctx.addIssue({
      code: 'custom',
      path: ['zone'],
      message: 'a zone belongs to an agreement: pass `agreement` too, or `zone=AGREEMENT:ZONE`',
    });
  }
}

export const incidentFilterQuery = z.object(filterShape).superRefine(checkFilters);
export type IncidentFilterQuery = z.infer<typeof incidentFilterQuery>;

export const incidentListQuery = z
  .object({ ...filterShape, limit: limitParam, cursor: cursorParam })
  .superRefine(checkFilters);
export type IncidentListQuery = z.infer<typeof incidentListQuery>;

/** Properties a GeoJSON export can be cut down to (a map needs three of them, not all). */
export const FEATURE_PROPERTIES = [
  'id',
  'when',
  'when_start',
  'when_end',
  'type',
  'hostile',
  'by',
  'against',
  'fatalities',
  'description',
  'report_count',
  'source_count',
  'confidence',
  'review_state',
  'verdict',
  'verdicts',
  'place',
  'admin1',
  'admin2',
  'admin',
  'precision_km',
] as const;

export const incidentGeoJsonQuery = z
  .object({
    ...filterShape,
    properties: csvList(z.enum(FEATURE_PROPERTIES)).openapi({
      type: 'string',
      description:
        'comma list of the feature properties to include (default: all), e.g. `id,verdict,fatalities` for a map',
    }),
  })
  .superRefine(checkFilters);
