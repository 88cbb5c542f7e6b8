/**
 * `createApp`: the whole HTTP API as one Hono app (JSON over HTTP under /api/v1, the OpenAPI 3.1
 * document at /openapi.json, a self-contained docs page at /docs, and the built dashboard at /).
 * One sub-app per resource under ./routes; they share the error type, the auth guard and the
 * validation hook so that every route fails the same way.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import pino, { type Logger } from 'pino';
import { authenticate } from './auth.js';
import type { ApiBackend } from './backend.js';
import { docsPage } from './docs-page.js';
import type { ApiEnv } from './env.js';
import { ApiError, ERROR_CATALOGUE, renderError } from './errors.js';
import { DEFAULT_WRITE_LIMIT, type RateLimitConfig, TokenBuckets } from './rate-limit.js';
import { newRouter } from './router.js';
import { agreementRoutes } from './routes/agreements.js';
import { complianceRoutes } from './routes/compliance.js';
import { findingRoutes } from './routes/findings.js';
import { incidentMapRoutes } from './routes/incident-map.js';
import { incidentRoutes } from './routes/incidents.js';
import { API_VERSION, metaRoutes } from './routes/meta.js';
import { reportRoutes } from './routes/reports.js';
import { reviewRoutes } from './routes/review.js';
import { tokenRoutes } from './routes/tokens.js';

export interface ApiConfig {
  /** anonymous callers may use every read route (`--public`, config `public_read: true`) */
  publicRead: boolean;
  /** token bucket for write routes, per API token */
  writeLimit?: RateLimitConfig;
  /** the built dashboard (web/dist); null or missing folder: no dashboard, API only */
  webDist?: string | null;
  /** largest accepted request body, bytes (default 1 MiB) */
  bodyLimitBytes?: number;
  /** raster tile URL template for the dashboard's base map, passed on in GET /api/v1 */
  tileUrl?: string | null;
  /** build the unfiltered map snapshot at start (`truce serve`), not on the first visit */
  warmMap?: boolean;
}

export interface CreateAppInput {
  backend: ApiBackend;
  config: ApiConfig;
  logger?: Logger;
}

export function createApp(input: CreateAppInput): OpenAPIHono<ApiEnv> {
  const { config } = input;
  const log = input.logger ?? pino({ level: 'silent' });
  const { backend } = input;
  const limiter = new TokenBuckets(config.writeLimit ?? DEFAULT_WRITE_LIMIT);
  const app = newRouter();

  app.use('*', async (c, next) => {
    c.set('publicRead', config.publicRead);
    c.set('writeLimiter', limiter);
    c.set('log', log);
    c.set('tileUrl', config.tileUrl ?? null);
    const started = performance.now();
    await next();
    // reads are logged at debug: at thousands of requests per second info-level lines would cost more than the query
    const level = c.req.method === 'GET' ? 'debug' : 'info';
    if (log.isLevelEnabled(level)) {
      log[level](
        { method: c.req.method, path: c.req.path, status: c.res.status, ms: +(performance.now() - started).toFixed(1) },
        'request',
      );
    }
  });
  const auth = authenticate(backend.tokens);
  app.use('/api/*', auth);
  const limitBody = bodyLimit({
    maxSize: config.bodyLimitBytes ?? 1 << 20,
    onError: () => {
      throw new ApiError('payload_too_large', `request body larger than ${config.bodyLimitBytes ?? 1 << 20} bytes`);
    },
  });
  // GET and HEAD carry no body: asking for one (bodyLimit reads `c.req.raw.body`) made the Node
  // adapter build a full WHATWG Request for every read, 3-5 % of a list request's CPU
  app.use('/api/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));

  const map = incidentMapRoutes(backend);
  if (config.warmMap) void map.warm();
  for (const routes of [
    metaRoutes,
    agreementRoutes,
    () => map, // before incidentRoutes: /incidents/{id} would take /incidents/map
    incidentRoutes,
    findingRoutes,
    complianceRoutes,
    reportRoutes,
    reviewRoutes,
  ]) {
    app.route('/api/v1', routes(backend));
  }
  app.route('/api/v1', tokenRoutes(backend, auth));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (`truce_...`). Roles: viewer < monitor < analyst < admin.',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Truce API',
      version: API_VERSION,
      description:
        'Ceasefire monitoring and verification. Errors are `{error: {code, message, fields?}}` with a stable `code`: ' +
        Object.entries(ERROR_CATALOGUE)
          .map(([code, e]) => `\`${code}\` (${e.status})`)
          .join(', ') +
        '. See docs/api.md for the catalogue.',
    },
    servers: [{ url: '/' }],
  });
  app.get('/docs', (c) => c.html(docsPage()));

  app.onError((err, c) => {
    if (err instanceof ApiError) return renderError(c, err);
    if (err instanceof HTTPException) {
      if (err.status === 400) return renderError(c, new ApiError('invalid_json', err.message || 'malformed JSON body'));
      if (err.status === 413) return renderError(c, new ApiError('payload_too_large', err.message));
    }
    log.error({ err, method: c.req.method, path: c.req.path }, 'unhandled error');
    return renderError(c, new ApiError('internal', 'internal server error'));
  });

  const dist = config.webDist;
  if (dist && existsSync(join(dist, 'index.html'))) {
    app.use('/*', serveStatic({ root: dist }));
    // the dashboard routes on the client: any other non-API path gets index.html
    app.get('*', async (c, next) => {
      if (c.req.path.startsWith('/api/')) return next();
      return serveStatic({ root: dist, path: 'index.html' })(c, next);
    });
  }
  app.notFound((c) => renderError(c, new ApiError('not_found', `no route ${c.req.method} ${c.req.path}`)));
  return app;
}
