import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { redisRateLimitStore, retryAfterSeconds } from '../rate-limit/redis-rate-limit-store';
import { HttpError } from '../errors';

const WINDOW_MS = 15 * 60_000;
/** Sign-in attempts per address and email in 15 minutes: plenty for typos, too few for guessing. */
export const LOGIN_ATTEMPTS_PER_WINDOW = 10;

/** Limits sign-in attempts per client IP and email, counted in Redis across API processes. */
export function loginRateLimit(redis: Redis, keyPrefix: string): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: LOGIN_ATTEMPTS_PER_WINDOW,
    standardHeaders: false,
    legacyHeaders: false,
    store: redisRateLimitStore(redis, `${keyPrefix}:rl:login:`),
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? 'unknown')}|${String((req.body as { email?: unknown })?.email ?? '').toLowerCase()}`,
    handler: (req, res, next) => {
      const seconds = retryAfterSeconds(req, WINDOW_MS);
      res.set('Retry-After', String(seconds));
      next(new HttpError(429, 'rate_limited', `too many sign-in attempts; try again in ${seconds} seconds`));
    },
  });
}
