/**
 * API tokens and roles. A token is `truce_` + 32 random bytes (base64url), shown once when it is
 * created; only its SHA-256 is stored, so a leaked database does not leak usable tokens
 * (a fast hash suffices for 256-bit random secrets: there is nothing to brute-force, unlike
 * passwords; see OWASP's "Secrets Management Cheat Sheet"). Roles are ordered: each role may do
 * everything the roles below it may.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';
import type { ApiEnv } from './env.js';

export const ROLES = ['viewer', 'monitor', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];
/** What a route asks for: a role, or `read` (viewer, or anyone when reading is public). */
export type Access = Role | 'read';

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}
export function roleAtLeast(have: Role, need: Role): boolean {
  return roleRank(have) >= roleRank(need);
}

export type Principal = { kind: 'anonymous' } | { kind: 'token'; tokenId: string; name: string; role: Role };

export interface TokenRecord {
  id: string;
  name: string;
  role: Role;
  created_at: string;
  revoked_at: string | null;
}

/** What the API needs from the store to authenticate; src/services/api-tokens.ts adapts the store. */
export interface TokenRepository {
  findByHash(hash: string): Promise<TokenRecord | undefined>;
  create(input: { id: string; name: string; role: Role; hash: string }): Promise<TokenRecord>;
  list(): Promise<TokenRecord[]>;
  revoke(id: string): Promise<boolean>;
}

const TOKEN_PREFIX = 'truce_';

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
/** Constant-time comparison of two hex digests (for callers that compare outside the store). */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Creates a token and returns the secret once; the caller must show it to the user now. */
export async function issueToken(
  repo: TokenRepository,
  name: string,
  role: Role,
): Promise<{ token: string; record: TokenRecord }> {
  const token = generateToken();
  const record = await repo.create({ id: randomBytes(9).toString('base64url'), name, role, hash: hashToken(token) });
  return { token, record };
}

/**
 * Resolves `Authorization: Bearer` to a principal. A malformed or unknown token is a 401 even on
 * public routes: silently downgrading a typo'd token to anonymous would hide the mistake. Lookups
 * are cached briefly (revocation through the API clears the cache at once; a token revoked
 * directly in the database stops working within `ttlMs`).
 */
export function authenticate(repo: TokenRepository, ttlMs = 10_000): MiddlewareHandler<ApiEnv> & { forget(): void } {
  const cache = new Map<string, { record: TokenRecord | undefined; at: number }>();
  const mw: MiddlewareHandler<ApiEnv> = async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) {
      c.set('principal', { kind: 'anonymous' });
      return next();
    }
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m?.[1].startsWith(TOKEN_PREFIX)) {
      throw new ApiError('unauthorized', 'the Authorization header must be `Bearer truce_...`');
    }
    const hash = hashToken(m[1]);
    const now = Date.now();
    let hit = cache.get(hash);
    if (!hit || now - hit.at > ttlMs) {
      hit = { record: await repo.findByHash(hash), at: now };
      if (cache.size > 10_000) cache.clear();
      cache.set(hash, hit);
    }
    const rec = hit.record;
    if (!rec || rec.revoked_at) throw new ApiError('unauthorized', 'unknown or revoked API token');
    c.set('principal', { kind: 'token', tokenId: rec.id, name: rec.name, role: rec.role });
    return next();
  };
  return Object.assign(mw, { forget: () => cache.clear() });
}

/** Route guard: refuses anonymous callers (401) and tokens below `need` (403). */
export function requireAccess(need: Access): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const p = c.get('principal');
    if (p.kind === 'anonymous') {
      if (need === 'read' && c.get('publicRead')) return next();
      throw new ApiError(
        'unauthorized',
        need === 'read'
          ? 'reading requires an API token (this server is not public)'
          : `this action requires an API token with role ${need}`,
      );
    }
    const role: Role = need === 'read' ? 'viewer' : need;
    if (!roleAtLeast(p.role, role)) {
      throw new ApiError('forbidden', `this action requires role ${role} or above; the token has role ${p.role}`);
    }
    return next();
  };
}
