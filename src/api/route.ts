/**
 * Every API route is declared through `apiRoute`, which makes the access rule part of the route
 * itself: the guard middleware, the write rate limit, the OpenAPI `security` and error responses,
 * and the `x-truce-access` extension that the role-matrix test reads back from /openapi.json.
 * A write route cannot be declared without saying who may call it.
 */
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { type Access, requireAccess } from './auth.js';
import { type ErrorCode, errorResponses } from './errors.js';
import { limitWrites } from './rate-limit.js';

type Declared = Omit<RouteConfig, 'middleware' | 'security'> & { access: Access; errors?: ErrorCode[] };

export function apiRoute<const R extends Declared>(decl: R) {
  const { access, errors = [], ...route } = decl;
  const write = route.method !== 'get' && route.method !== 'head';
  const codes: ErrorCode[] = ['unauthorized', 'internal', ...errors];
  if (access !== 'read') codes.push('forbidden');
  if (write) codes.push('rate_limited');
  if (route.request) codes.push('validation_failed');
  return createRoute({
    ...route,
    middleware: write ? [requireAccess(access), limitWrites] : [requireAccess(access)],
    security: access === 'read' ? [{}, { bearer: [] }] : [{ bearer: [] }],
    'x-truce-access': access,
    responses: { ...errorResponses(...new Set(codes)), ...route.responses },
  } as Omit<R, 'access' | 'errors'> & {
    middleware: [ReturnType<typeof requireAccess>];
    security: { bearer?: string[] }[];
  });
}
