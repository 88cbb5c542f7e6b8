/**
 * One error type for the whole API. Every failure leaves the server as
 * `{error: {code, message, fields?}}` with a STABLE `code` that clients may switch on; the
 * message is for people and may change. The catalogue below is the single source for the
 * OpenAPI document, docs/api.md and the tests: adding a code means adding it here.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const ERROR_CATALOGUE = {
  validation_failed: {
    status: 400,
    description: 'The request (path, query or body) does not match its schema; `fields` names each offending field.',
  },
  invalid_cursor: {
    status: 400,
    description: 'The pagination cursor is malformed or belongs to a different ordering.',
  },
  invalid_json: { status: 400, description: 'The request body is not valid JSON.' },
  unauthorized: {
    status: 401,
    description:
      'No valid API token: missing, unknown, revoked, or malformed `Authorization: Bearer` header (or reading is not public).',
  },
  forbidden: { status: 403, description: "The token's role is below the role the route requires." },
  not_found: { status: 404, description: 'No such resource (agreement, incident, report, token or route).' },
  conflict_locked: { status: 409, description: 'The incident is locked by another analyst.' },
  conflict_not_locked: {
    status: 409,
    description:
      'A review outcome (verify, duplicate, unverifiable, reject) needs the incident locked by the same token first.',
  },
  conflict: {
    status: 409,
    description:
      'The action conflicts with the current state (e.g. an outcome not allowed from the current review state, or a duplicate of itself).',
  },
  payload_too_large: { status: 413, description: 'The request body exceeds the configured limit.' },
  rate_limited: {
    status: 429,
    description: 'Too many write requests for this token; retry after the number of seconds in `Retry-After`.',
  },
  internal: {
    status: 500,
    description: 'An unexpected server error; the message is generic and the details are in the server log.',
  },
  unavailable: { status: 503, description: 'A dependency (the store) is not reachable.' },
} as const satisfies Record<string, { status: ContentfulStatusCode; description: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

export interface FieldError {
  /** dotted path in the request part, prefixed by the part: `query.bbox`, `body.text`, `param.id` */
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = ERROR_CATALOGUE[code].status;
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z
        .enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]])
        .openapi({ description: 'stable machine-readable code (see the catalogue)' }),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** OpenAPI `responses` entries for the given codes, grouped by status. */
export function errorResponses(...codes: ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = ERROR_CATALOGUE[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<
    string,
    { description: string; content: { 'application/json': { schema: typeof errorBodySchema } } }
  > = {};
  for (const [status, cs] of byStatus) {
    out[String(status)] = {
      description: cs.map((c) => `\`${c}\`: ${ERROR_CATALOGUE[c].description}`).join(' '),
      content: { 'application/json': { schema: errorBodySchema } },
    };
  }
  return out;
}

/** zod issues -> field errors named after the request part (`query.bbox`, `body.text`). */
export function fieldErrors(issues: readonly { path: PropertyKey[]; message: string }[], part: string): FieldError[] {
  return issues.map((i) => ({
    path: [part, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
}

/**
 * The `defaultHook` of every OpenAPIHono sub-app: a failed request validation becomes one
 * ApiError('validation_failed') naming each field. Thrown so that the app's onError renders it.
 */
export function validationHook(
  result: {
    success: boolean;
    target?: string;
    error?: { issues: readonly { path: PropertyKey[]; message: string }[] };
  },
  _c: Context,
): void {
  if (result.success || !result.error) return;
  const part = result.target === 'json' ? 'body' : (result.target ?? 'request');
  const fields = fieldErrors(result.error.issues, part);
  throw new ApiError(
    'validation_failed',
    `invalid ${part}: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`,
    fields,
  );
}

export function renderError(c: Context, err: ApiError): Response {
  for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
  return c.json(err.toBody(), err.status);
}
