import { z } from '@hono/zod-openapi';
import { ROLES } from '../auth.js';

export const tokenRecord = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    created_at: z.string(),
    revoked_at: z.string().nullable(),
  })
  .openapi('ApiToken');

export const createTokenBody = z
  .object({ name: z.string().trim().min(1).max(100), role: z.enum(ROLES) })
  .strict()
  .openapi('CreateToken');

export const createdToken = z
  .object({ token: z.string().openapi({ description: 'the secret: shown once, never again' }), record: tokenRecord })
  .openapi('CreatedToken');
