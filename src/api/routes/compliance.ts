/** Compliance time series for charts: violations per period and group, with the previous period. */
import type { ApiBackend } from '../backend.js';
import { apiRoute } from '../route.js';
import { newRouter } from '../router.js';
import { complianceQuery, complianceSeries } from '../schemas/compliance.js';

const series = apiRoute({
  method: 'get',
  path: '/compliance',
  access: 'read',
  tags: ['compliance'],
  summary: 'Counts of findings per day, week or month, one series per party, guarantor, zone or agreement',
  errors: ['not_found'],
  request: { query: complianceQuery },
  responses: { 200: { description: 'the series', content: { 'application/json': { schema: complianceSeries } } } },
});

export function complianceRoutes(backend: ApiBackend) {
  return newRouter().openapi(series, async (c) => c.json(await backend.compliance(c.req.valid('query')), 200));
}
