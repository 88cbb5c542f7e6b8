import { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from './env.js';
import { validationHook } from './errors.js';

/** Every sub-app turns request-validation failures into `validation_failed` errors. */
export function newRouter(): OpenAPIHono<ApiEnv> {
  return new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
}
