import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Options } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { redisRateLimitStore, retryAfterSeconds } from '../rate-limit/redis-rate-limit-store';
import type { Logger } from '@moderato/config';
import { HttpError } from '../errors';
import { intakeRequestOf } from '../guard/intake-request';

export interface IntakeRateLimitOptions {
  redis: Redis;
  /** Key prefix (the queue prefix), so installs sharing one Redis stay apart. */
  prefix: string;
  perIpPerMinute: number;
  perSitePerMinute: number;
  /** The keyed IP hash: the address itself never reaches Redis. */
  hashIp: (ip: string) => string;
  logger: Logger;
}

const WINDOW_MS = 60_000;
// Group IPv6 clients by /56, what one home connection usually gets.
const IPV6_SUBNET = 56;

const tooMany = (what: string): Options['handler'] => (req, res, next) => {
  const seconds = retryAfterSeconds(req, WINDOW_MS);
  res.setHeader('Retry-After', String(seconds));
  next(new HttpError(429, 'rate_limited', `too many comments ${what}; try again in ${seconds} seconds`));
};

/**
 * Per-IP and per-site limits on comment posts, counted in Redis so every API
 * process shares them. If Redis fails, the limits let the post through: the
 * intake then answers 503 itself when it cannot queue.
 */
export function intakeRateLimits(options: IntakeRateLimitOptions): RequestHandler[] {
  const { redis, prefix, logger } = options;
  const common = {
    windowMs: WINDOW_MS,
    standardHeaders: false,
    legacyHeaders: false,
    passOnStoreError: true,
    // The intake's posts are plain Node requests (intake-listener.ts), without
    // req.ip or req.app: the address comes from intakeRequestOf, worked out
    // with the app's own trust proxy function, and a trust proxy of `true` is
    // refused by the config already.
    validate: { ip: false, trustProxy: false, xForwardedForHeader: false, forwardedHeader: false },
    logger: {
      error: (error: unknown) => logger.warn({ err: { message: (error as Error)?.message } }, 'rate limit store error'),
      warn: (error: unknown) => logger.warn({ err: { message: (error as Error)?.message } }, 'rate limit warning'),
    },
  } as const;
  return [
    rateLimit({
      ...common,
      limit: options.perIpPerMinute,
      store: redisRateLimitStore(redis, `${prefix}:rl:ip:`),
      keyGenerator: (req) => options.hashIp(ipKeyGenerator(intakeRequestOf(req).ip ?? 'unknown', IPV6_SUBNET)),
      handler: tooMany('from your network'),
    }),
    rateLimit({
      ...common,
      limit: options.perSitePerMinute,
      store: redisRateLimitStore(redis, `${prefix}:rl:site:`),
      keyGenerator: (req) => intakeRequestOf(req).siteId,
      handler: tooMany('for this site right now'),
    }),
  ];
}
