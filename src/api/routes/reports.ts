/** Reports and sources; POST /reports ingests a report text (monitor role). */
import { z } from '@hono/zod-openapi';
import type { ApiBackend } from '../backend.js';
import { ApiError } from '../errors.js';
import { apiRoute } from '../route.js';
import { newRouter } from '../router.js';
import { idParam, page } from '../schemas/common.js';
import {
  reportDetail,
  reportListQuery,
  reportSummary,
  sourceOut,
  submitReportBody,
  submitReportResult,
} from '../schemas/report.js';

const list = apiRoute({
  method: 'get',
  path: '/reports',
  access: 'read',
  tags: ['reports'],
  summary: 'Reports, newest first',
  errors: ['invalid_cursor'],
  request: { query: reportListQuery },
  responses: {
    200: {
      description: 'a page of reports',
      content: { 'application/json': { schema: page(reportSummary, 'ReportPage') } },
    },
  },
});

const detail = apiRoute({
  method: 'get',
  path: '/reports/{id}',
  access: 'read',
  tags: ['reports'],
  summary: 'One report: its text and the incidents extracted from it with evidence spans',
  errors: ['not_found'],
  request: { params: idParam('rep-1', 'report id') },
  responses: { 200: { description: 'the report', content: { 'application/json': { schema: reportDetail } } } },
});

const submit = apiRoute({
  method: 'post',
  path: '/reports',
  access: 'monitor',
  tags: ['reports'],
  summary: 'Submit a report text: it is stored, incidents are extracted and adjudicated',
  description:
    'The text is stored as given and only ever rendered as text. Returns the incidents found and their findings.',
  errors: ['invalid_json', 'payload_too_large'],
  request: { body: { content: { 'application/json': { schema: submitReportBody } }, required: true } },
  responses: { 201: { description: 'ingested', content: { 'application/json': { schema: submitReportResult } } } },
});

const sources = apiRoute({
  method: 'get',
  path: '/sources',
  access: 'read',
  tags: ['reports'],
  summary: 'Sources (outlets and monitors) with their report counts',
  responses: {
    200: {
      description: 'sources',
      content: { 'application/json': { schema: z.object({ items: z.array(sourceOut) }) } },
    },
  },
});

export function reportRoutes(backend: ApiBackend) {
  return newRouter()
    .openapi(list, async (c) => c.json(await backend.listReports(c.req.valid('query')), 200))
    .openapi(detail, async (c) => {
      const { id } = c.req.valid('param');
      const r = await backend.getReport(id);
      if (!r) throw new ApiError('not_found', `no report ${id}`);
      return c.json(r, 200);
    })
    .openapi(submit, async (c) => {
      const p = c.get('principal');
      const by =
        p.kind === 'token' ? { tokenId: p.tokenId, name: p.name } : { tokenId: 'anonymous', name: 'anonymous' };
      const result = await backend.submitReport(c.req.valid('json'), by);
      c.get('log').info(
        { report: result.report.id, incidents: result.incidents.length, by: by.name },
        'report submitted',
      );
      return c.json(result, 201);
    })
    .openapi(sources, async (c) => c.json({ items: await backend.listSources() }, 200));
}
