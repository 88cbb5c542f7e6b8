/** The per-request variables every API handler can read (Hono's typed context). */
import type { Logger } from 'pino';
import type { Principal } from './auth.js';
import type { TokenBuckets } from './rate-limit.js';

export interface ApiEnv {
  Variables: {
    principal: Principal;
    /** whether anonymous callers may read (config `public_read`, flag `--public`) */
    publicRead: boolean;
    log: Logger;
    writeLimiter: TokenBuckets;
    tileUrl: string | null;
  };
}
