/**
 * GET /incidents/map: what the dashboard's map draws at one zoom and view, clustered server-side
 * (services/incident-map-clusters.ts), gzip-compressed. The located incidents of each filter set
 * are read once into a columnar snapshot and kept: answering a pan or zoom is then a range query
 * over memory, a few milliseconds, instead of exporting the archive to the browser.
 *
 * Freshness: a snapshot older than SNAPSHOT_FRESH_MS, or 20 times what it took to build if that is
 * longer (so that rebuilding the archive's snapshot for busy viewers costs at most ~5 % of a core),
 * is rebuilt in the background on the next request, which is still answered from the old one
 * (writes by other processes, `truce ingest` or `truce worker`, show within that time plus one
 * rebuild). A successful write through this API (a submitted report, a review action; not a
 * token) drops every snapshot at once, so the writer's next map is built after the change: this
 * router's middleware sees those requests because it is registered under /api/v1 before the
 * routes that write. Answers carry an ETag naming the snapshot, so an unchanged view is
 * revalidated with 304 and no body.
 */
import { z } from '@hono/zod-openapi';
import { compress } from 'hono/compress';
import { type MapIncident, type MapSnapshot, mapSnapshot, mapView } from '../../services/incident-map-clusters.js';
import type { ApiBackend } from '../backend.js';
import { apiRoute } from '../route.js';
import { newRouter } from '../router.js';
import { type IncidentFilterQuery, incidentFilterQuery } from '../schemas/incident-query.js';

/** how long a snapshot is served without a rebuild being started, at least */
export const SNAPSHOT_FRESH_MS = 15_000;
/** ... and at least this many times its build time */
const FRESH_PER_BUILD = 20;
/** snapshots kept (distinct filter sets), oldest dropped first */
const MAX_SNAPSHOTS = 20;

const view = z
  .string()
  .transform((s, ctx) => {
    const n = s.split(',').map((x) => Number(x.trim()));
    if (n.length !== 4 || n.some((x) => !Number.isFinite(x)) || n[0] > n[2] || n[1] > n[3]) {
      ctx.addIssue({ code: 'custom', message: 'view is minLon,minLat,maxLon,maxLat with min <= max' });
      return z.NEVER;
    }
    // a view wider than the world (zoomed far out) is the world
    return [Math.max(n[0], -180), Math.max(n[1], -90), Math.min(n[2], 180), Math.min(n[3], 90)] as [
      number,
      number,
      number,
      number,
    ];
  })
  .optional()
  .openapi({
    type: 'string',
    description:
      'the visible area, minLon,minLat,maxLon,maxLat (default: the world); unlike `bbox` it does not filter the clusters, it only picks those to send',
    example: '35.5,32.2,42.5,37.4',
  });

const mapQuery = incidentFilterQuery.safeExtend({
  z: z.coerce
    .number()
    .min(0)
    .max(24)
    .openapi({ description: 'the map zoom (Web Mercator, 256 px tiles); fractions are floored', example: 6 }),
  view,
});

const point = z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) });
const verdict = z.enum(['violation', 'undetermined', 'permitted', 'not_applicable']).nullable();
const box = z.tuple([z.number(), z.number(), z.number(), z.number()]);
const mapFeature = z.union([
  z.object({
    type: z.literal('Feature'),
    geometry: point,
    properties: z.object({
      cluster: z.literal(true),
      id: z.string().openapi({ description: '`z/x/y`: the cluster is the XYZ tile (z+2)/x/y, a 64 px cell at zoom z' }),
      count: z.number().int(),
      verdict: verdict.openapi({ description: 'the gravest verdict among the members' }),
      verdicts: z.object({
        violation: z.number().int(),
        undetermined: z.number().int(),
        permitted: z.number().int(),
        not_applicable: z.number().int(),
        none: z.number().int(),
      }),
      bbox: box.openapi({
        description: 'the cell: the list API with this `bbox` (and the same filters) returns exactly `count` incidents',
      }),
      extent: box.openapi({ description: "the members' own extent" }),
    }),
  }),
  z.object({
    type: z.literal('Feature'),
    id: z.string(),
    geometry: point,
    properties: z.object({
      cluster: z.literal(false),
      id: z.string(),
      verdict,
      fatalities: z.number().int().nullable(),
    }),
  }),
]);
const mapResponse = z
  .object({
    type: z.literal('FeatureCollection'),
    z: z.number().int().openapi({ description: 'the zoom the clusters are for' }),
    total: z.number().int().openapi({ description: 'located incidents matching the filters, anywhere' }),
    in_view: z
      .number()
      .int()
      .openapi({ description: 'the incidents the features cover (every cell the view touches is sent whole)' }),
    truncated: z.boolean().openapi({ description: 'more than 5,000 features: the rest were left out' }),
    features: z.array(mapFeature),
  })
  .openapi('IncidentMap');

const route = apiRoute({
  method: 'get',
  path: '/incidents/map',
  access: 'read',
  tags: ['incidents'],
  summary:
    'The incident map at one zoom and view: clusters with their verdict mix at low zoom, single incidents where a cluster would hold one and from zoom 14 on',
  errors: ['not_found'],
  request: { query: mapQuery },
  responses: {
    200: {
      description: 'a GeoJSON FeatureCollection (RFC 7946) with the counts as foreign members',
      content: { 'application/json': { schema: mapResponse } },
    },
    304: { description: 'unchanged since the ETag sent in If-None-Match' },
  },
});

interface Entry {
  snapshot: Promise<Snapshot>;
  /** until when it is served without a rebuild (set once built) */
  fresh: number;
  refreshing: boolean;
}

type Snapshot = MapSnapshot & { serial: number; buildMs: number };

let serials = 0;

export function incidentMapRoutes(backend: ApiBackend, now: () => number = Date.now) {
  const snapshots = new Map<string, Entry>();

  const build = async (q: IncidentFilterQuery): Promise<Snapshot> => {
    const started = now();
    const located: MapIncident[] = [];
    for await (const i of backend.exportIncidents(q)) {
      if (i.where.lon === null || i.where.lat === null) continue;
      located.push({ id: i.id, lon: i.where.lon, lat: i.where.lat, verdict: i.verdict, fatalities: i.fatalities });
    }
    return Object.assign(mapSnapshot(located), { serial: ++serials, buildMs: now() - started });
  };
  const freshUntil = (s: Snapshot) => now() + Math.max(SNAPSHOT_FRESH_MS, FRESH_PER_BUILD * s.buildMs);

  const snapshotFor = (q: IncidentFilterQuery) => {
    const key = JSON.stringify(q);
    const hit = snapshots.get(key);
    if (!hit) {
      const entry: Entry = { snapshot: build(q), fresh: Number.POSITIVE_INFINITY, refreshing: false };
      snapshots.set(key, entry);
      entry.snapshot.then(
        (s) => {
          entry.fresh = freshUntil(s);
        },
        () => snapshots.get(key) === entry && snapshots.delete(key),
      );
      if (snapshots.size > MAX_SNAPSHOTS) snapshots.delete(snapshots.keys().next().value as string);
      return entry.snapshot;
    }
    if (now() >= hit.fresh && !hit.refreshing) {
      // stale: rebuild in the background, keep answering from the old snapshot until it is ready
      hit.refreshing = true;
      build(q).then(
        (s) => {
          hit.snapshot = Promise.resolve(s);
          hit.fresh = freshUntil(s);
          hit.refreshing = false;
        },
        () => {
          hit.refreshing = false;
        },
      );
    }
    return hit.snapshot;
  };

  const router = newRouter();
  /**
   * Build the snapshot of the unfiltered map (the dashboard's first view) now, in the background,
   * so that the first visitor after a start does not wait for it (at 84k incidents the build reads
   * the whole archive: ~2 s of CPU). A failure is left to the first request to report.
   */
  const warm = (): Promise<void> => {
    const { z: _z, view: _v, ...filters } = mapQuery.parse({ z: '0' });
    return snapshotFor(filters).then(
      () => undefined,
      () => undefined,
    );
  };
  router.use('*', async (c, next) => {
    await next();
    const write = c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS';
    if (write && c.res.status < 400 && !c.req.path.includes('/tokens')) snapshots.clear();
  });
  router.use('/incidents/map', compress());
  const routes = router.openapi(route, async (c) => {
    const { z: zoom, view: area, ...filters } = c.req.valid('query');
    const s = await snapshotFor(filters);
    const etag = `W/"map-${s.serial}"`;
    c.header('etag', etag);
    c.header('cache-control', 'no-cache');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.json(mapView(s, zoom, area), 200);
  });
  return Object.assign(routes, { warm });
}
