/** Findings: verdicts with reasons, filtered by agreement, verdict, party, guarantor, rule and time. */
import type { ApiBackend } from '../backend.js';
import { apiRoute } from '../route.js';
import { newRouter } from '../router.js';
import { page } from '../schemas/common.js';
import { findingListQuery } from '../schemas/finding-query.js';
import { findingSchema } from '../schemas/incident.js';

const list = apiRoute({
  method: 'get',
  path: '/findings',
  access: 'read',
  tags: ['findings'],
  summary: 'Findings (one verdict of one agreement on one incident), newest incident first',
  errors: ['invalid_cursor'],
  request: { query: findingListQuery },
  responses: {
    200: {
      description: 'a page of findings',
      content: { 'application/json': { schema: page(findingSchema, 'FindingPage') } },
    },
  },
});

export function findingRoutes(backend: ApiBackend) {
  return newRouter().openapi(list, async (c) => c.json(await backend.listFindings(c.req.valid('query')), 200));
}
