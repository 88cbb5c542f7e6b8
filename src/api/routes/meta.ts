/** Service description and health. */
import { z } from '@hono/zod-openapi';
import { newRouter } from '../router.js';
import type { ApiBackend } from '../backend.js';
import { apiRoute } from '../route.js';

const about = apiRoute({
  method: 'get',
  path: '/',
  access: 'read',
  tags: ['meta'],
  summary: 'What this server is, and who you are',
  responses: {
    200: {
      description: 'service description',
      content: {
        'application/json': {
          schema: z
            .object({
              name: z.literal('truce'),
              api_version: z.string(),
              public_read: z.boolean(),
              you: z.object({ authenticated: z.boolean(), name: z.string().nullable(), role: z.string().nullable() }),
              map: z.object({
                tile_url: z
                  .string()
                  .nullable()
                  .openapi({ description: 'raster tile URL template; null: use the bundled boundaries' }),
              }),
            })
            .openapi('About'),
        },
      },
    },
  },
});

const health = apiRoute({
  method: 'get',
  path: '/health',
  access: 'read',
  tags: ['meta'],
  summary: 'Liveness and store reachability',
  errors: ['unavailable'],
  responses: {
    200: { description: 'ok', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } },
  },
});

export function metaRoutes(backend: ApiBackend) {
  return newRouter()
    .openapi(about, (c) => {
      const p = c.get('principal');
      return c.json(
        {
          name: 'truce' as const,
          api_version: API_VERSION,
          public_read: c.get('publicRead'),
          you:
            p.kind === 'token'
              ? { authenticated: true, name: p.name, role: p.role }
              : { authenticated: false, name: null, role: null },
          map: { tile_url: c.get('tileUrl') },
        },
        200,
      );
    })
    .openapi(health, async (c) => {
      await backend.health();
      return c.json({ ok: true as const }, 200);
    });
}

export const API_VERSION = '1.0.0';
