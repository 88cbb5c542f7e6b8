/** API token administration (admin role). Secrets are shown once, at creation. */
import { z } from '@hono/zod-openapi';
import { issueToken } from '../auth.js';
import type { ApiBackend } from '../backend.js';
import { ApiError } from '../errors.js';
import { apiRoute } from '../route.js';
import { newRouter } from '../router.js';
import { idParam } from '../schemas/common.js';
import { createdToken, createTokenBody, tokenRecord } from '../schemas/token.js';
import type { authenticate } from '../auth.js';

const list = apiRoute({
  method: 'get',
  path: '/tokens',
  access: 'admin',
  tags: ['tokens'],
  summary: 'List API tokens (never their secrets)',
  responses: {
    200: {
      description: 'tokens',
      content: { 'application/json': { schema: z.object({ items: z.array(tokenRecord) }) } },
    },
  },
});

const create = apiRoute({
  method: 'post',
  path: '/tokens',
  access: 'admin',
  tags: ['tokens'],
  summary: 'Create an API token; the secret is in this response only',
  request: { body: { content: { 'application/json': { schema: createTokenBody } }, required: true } },
  responses: { 201: { description: 'created', content: { 'application/json': { schema: createdToken } } } },
});

const revoke = apiRoute({
  method: 'delete',
  path: '/tokens/{id}',
  access: 'admin',
  tags: ['tokens'],
  summary: 'Revoke an API token',
  errors: ['not_found'],
  request: { params: idParam('k3Jd9aQ', 'token id') },
  responses: {
    200: {
      description: 'revoked',
      content: { 'application/json': { schema: z.object({ revoked: z.literal(true) }) } },
    },
  },
});

export function tokenRoutes(backend: ApiBackend, auth?: ReturnType<typeof authenticate>) {
  return newRouter()
    .openapi(list, async (c) => c.json({ items: await backend.tokens.list() }, 200))
    .openapi(create, async (c) => {
      const { name, role } = c.req.valid('json');
      const { token, record } = await issueToken(backend.tokens, name, role);
      c.get('log').info({ token: record.id, role, by: c.get('principal') }, 'API token created');
      return c.json({ token, record }, 201);
    })
    .openapi(revoke, async (c) => {
      const { id } = c.req.valid('param');
      if (!(await backend.tokens.revoke(id))) throw new ApiError('not_found', `no API token ${id}`);
      auth?.forget();
      c.get('log').info({ token: id, by: c.get('principal') }, 'API token revoked');
      return c.json({ revoked: true as const }, 200);
    });
}
