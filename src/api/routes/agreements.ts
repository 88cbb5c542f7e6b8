/** Agreements: the workspace's agreements as data, with status, obligations, zones and claims. */
import { z } from '@hono/zod-openapi';
import type { ApiBackend } from '../backend.js';
import { ApiError } from '../errors.js';
import { apiRoute } from '../route.js';
import { newRouter } from '../router.js';
import { actorRef, agreementDetail, agreementSummary } from '../schemas/agreement.js';
import { featureCollection, idParam } from '../schemas/common.js';

const list = apiRoute({
  method: 'get',
  path: '/agreements',
  access: 'read',
  tags: ['agreements'],
  summary: 'List agreements',
  responses: {
    200: {
      description: 'agreements',
      content: { 'application/json': { schema: z.object({ items: z.array(agreementSummary) }) } },
    },
  },
});

const detail = apiRoute({
  method: 'get',
  path: '/agreements/{id}',
  access: 'read',
  tags: ['agreements'],
  summary:
    'One agreement: parties, guarantors, excluded, rules with clauses, zones, status over time, obligations, claims',
  errors: ['not_found'],
  request: { params: idParam('idlib-2018-sochi', 'agreement id') },
  responses: { 200: { description: 'the agreement', content: { 'application/json': { schema: agreementDetail } } } },
});

const zones = apiRoute({
  method: 'get',
  path: '/agreements/{id}/zones',
  access: 'read',
  tags: ['agreements'],
  summary: "The agreement's zones as a GeoJSON FeatureCollection",
  errors: ['not_found'],
  request: { params: idParam('idlib-2018-sochi', 'agreement id') },
  responses: {
    200: {
      description: 'zones',
      content: {
        'application/geo+json': { schema: featureCollection },
        'application/json': { schema: featureCollection },
      },
    },
  },
});

const actors = apiRoute({
  method: 'get',
  path: '/actors',
  access: 'read',
  tags: ['agreements'],
  summary: 'The actor registry (ids and names)',
  responses: {
    200: { description: 'actors', content: { 'application/json': { schema: z.object({ items: z.array(actorRef) }) } } },
  },
});

export function agreementRoutes(backend: ApiBackend) {
  const find = async (id: string) => {
    const a = await backend.getAgreement(id);
    if (!a) throw new ApiError('not_found', `no agreement ${id}`);
    return a;
  };
  return newRouter()
    .openapi(list, (c) => c.json({ items: backend.listAgreements() }, 200))
    .openapi(detail, async (c) => c.json(await find(c.req.valid('param').id), 200))
    .openapi(zones, async (c) => {
      const a = await find(c.req.valid('param').id);
      // c.json would set application/json; GeoJSON has its own media type (RFC 7946 §12)
      return c.body(JSON.stringify(a.zones), 200, { 'content-type': 'application/geo+json; charset=utf-8' }) as never;
    })
    .openapi(actors, (c) => c.json({ items: backend.actors() }, 200));
}
