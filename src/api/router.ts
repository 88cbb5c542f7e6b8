import { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from './env.js';
import { validationHook } from './errors.js';

/**
 * Every sub-app turns request-validation failures into `validation_failed` errors, and ignores a
 * trailing slash (`/api/v1/` is `/api/v1`; clients that join paths naively still reach the route).
 */
export function newRouter(): OpenAPIHono<ApiEnv> {
  return new OpenAPIHono<ApiEnv>({ defaultHook: validationHook, strict: false });
}
