/** Incidents: filtered lists with cursor pagination, CSV and GeoJSON exports, and the detail. */
import { z } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import type { ApiBackend } from '../backend.js';
import { ApiError } from '../errors.js';
import { CSV_HEADER, incidentCsvRow } from '../presenters/incident-csv.js';
import { incidentFeature } from '../presenters/incident-geojson.js';
import { apiRoute } from '../route.js';
import { newRouter } from '../router.js';
import { idParam, page } from '../schemas/common.js';
import { incidentDetail, incidentSummary } from '../schemas/incident.js';
import { incidentFilterQuery, incidentGeoJsonQuery, incidentListQuery } from '../schemas/incident-query.js';

const list = apiRoute({
  method: 'get',
  path: '/incidents',
  access: 'read',
  tags: ['incidents'],
  summary: 'Incidents matching the filters, newest first, one page at a time',
  errors: ['invalid_cursor', 'not_found'],
  request: { query: incidentListQuery },
  responses: {
    200: {
      description: 'a page of incidents',
      content: { 'application/json': { schema: page(incidentSummary, 'IncidentPage') } },
    },
  },
});

const csv = apiRoute({
  method: 'get',
  path: '/incidents.csv',
  access: 'read',
  tags: ['incidents'],
  summary: 'Every incident matching the filters, as CSV (RFC 4180)',
  errors: ['not_found'],
  request: { query: incidentFilterQuery },
  responses: { 200: { description: 'CSV with a header row', content: { 'text/csv': { schema: z.string() } } } },
});

const geojson = apiRoute({
  method: 'get',
  path: '/incidents.geojson',
  access: 'read',
  tags: ['incidents'],
  summary: 'Every located incident matching the filters, as a GeoJSON FeatureCollection of points',
  errors: ['not_found'],
  request: { query: incidentGeoJsonQuery },
  responses: {
    200: { description: 'GeoJSON (RFC 7946)', content: { 'application/geo+json': { schema: z.string() } } },
  },
});

const detail = apiRoute({
  method: 'get',
  path: '/incidents/{id}',
  access: 'read',
  tags: ['incidents'],
  summary: 'One incident with its reports and evidence spans, sources, findings with reasons and review history',
  errors: ['not_found'],
  request: { params: idParam('r-0412', 'incident id') },
  responses: { 200: { description: 'the incident', content: { 'application/json': { schema: incidentDetail } } } },
});

export function incidentRoutes(backend: ApiBackend) {
  return (
    newRouter()
      // the page arrives as JSON text (presenters/incident-list.ts), the same bytes c.json would send
      .openapi(
        list,
        async (c) =>
          c.newResponse(await backend.listIncidentsJson(c.req.valid('query')), 200, {
            'content-type': 'application/json',
          }) as never,
      )
      .openapi(csv, (c) => {
        const q = c.req.valid('query');
        c.header('content-type', 'text/csv; charset=utf-8');
        c.header('content-disposition', 'attachment; filename="incidents.csv"');
        return stream(c, async (s) => {
          let chunk = `${CSV_HEADER}\r\n`;
          let n = 0;
          for await (const i of backend.exportIncidents(q)) {
            chunk += `${incidentCsvRow(i)}\r\n`;
            if (++n % 1000 === 0) {
              await s.write(chunk);
              chunk = '';
            }
          }
          await s.write(chunk);
        }) as never;
      })
      .openapi(geojson, (c) => {
        const { properties, ...q } = c.req.valid('query');
        c.header('content-type', 'application/geo+json; charset=utf-8');
        return stream(c, async (s) => {
          // written in chunks of about 1,000 features: one write per feature (100,000 for a map of
          // the archive) cost more than building the features
          let chunk = '{"type":"FeatureCollection","features":[';
          let first = true;
          let n = 0;
          for await (const i of backend.exportIncidents(q)) {
            const f = incidentFeature(i, properties);
            if (!f) continue;
            chunk += (first ? '\n' : ',\n') + JSON.stringify(f);
            first = false;
            if (++n % 1000 === 0) {
              await s.write(chunk);
              chunk = '';
            }
          }
          await s.write(`${chunk}\n]}\n`);
        }) as never;
      })
      .openapi(detail, async (c) => {
        const { id } = c.req.valid('param');
        const inc = await backend.getIncident(id);
        if (!inc) throw new ApiError('not_found', `no incident ${id}`);
        return c.json(inc, 200);
      })
  );
}
