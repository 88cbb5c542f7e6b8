/**
 * Write rate limits: one token bucket per API token (Turner's token-bucket shaping; see
 * https://en.wikipedia.org/wiki/Token_bucket). A bucket holds up to `burst` requests and refills
 * at `perMinute / 60` per second; an empty bucket answers 429 with `Retry-After` in whole seconds.
 * Buckets live in process memory: one `truce serve` process is the deployment unit.
 */
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './env.js';
import { ApiError } from './errors.js';

export interface RateLimitConfig {
  /** requests allowed at once */
  burst: number;
  /** sustained requests per minute */
  perMinute: number;
}

export const DEFAULT_WRITE_LIMIT: RateLimitConfig = { burst: 30, perMinute: 120 };

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    readonly config: RateLimitConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request from `key`'s bucket; returns 0 when allowed, else the seconds to wait. */
  take(key: string): number {
    const { burst, perMinute } = this.config;
    const rate = perMinute / 60_000; // per ms
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: burst, at: t };
    b.tokens = Math.min(burst, b.tokens + (t - b.at) * rate);
    b.at = t;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000));
  }
}

/** Route middleware for writes; the app puts its TokenBuckets in the context (`writeLimiter`). */
export const limitWrites: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const buckets = c.get('writeLimiter');
  const p = c.get('principal');
  const key = p.kind === 'token' ? `t:${p.tokenId}` : `ip:${c.req.header('x-forwarded-for') ?? 'local'}`;
  const wait = buckets.take(key);
  if (wait > 0) {
    throw new ApiError('rate_limited', `too many write requests; retry in ${wait} s`, undefined, {
      'Retry-After': String(wait),
    });
  }
  return next();
};
