import { createHmac } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit, type Options } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { deriveSecretKey } from '@moderato/core';
import { redisRateLimitStore, retryAfterSeconds } from '../rate-limit/redis-rate-limit-store';
import { HttpError } from '../errors';
import { loginCredentials } from './login-credentials';

const WINDOW_MS = 15 * 60_000;
/** Sign-in attempts per client address in 15 minutes, whatever the account: a few staff behind one NAT fit. */
const LOGIN_ATTEMPTS_PER_ADDRESS = 20;
/** Failed sign-ins per account in 15 minutes, from any address: plenty for typos, too few for guessing. */
const LOGIN_FAILURES_PER_ACCOUNT = 10;
// Group IPv6 clients by /56, what one home connection usually gets.
const IPV6_SUBNET = 56;

export interface LoginRateLimitOptions {
  redis: Redis;
  keyPrefix: string;
  /** The install secret: key names are keyed hashes, so no staff email or address is readable in Redis. */
  secret: string;
}

const tooMany: Options['handler'] = (req, res, next) => {
  const seconds = retryAfterSeconds(req, WINDOW_MS);
  res.set('Retry-After', String(seconds));
  next(new HttpError(429, 'rate_limited', `too many sign-in attempts; try again in ${seconds} seconds`));
};

/**
 * Sign-in limits counted in Redis across API processes: one per client
 * address, one per account (failures only, from any address, so spreading
 * guesses over many addresses does not help). Both run after the body is
 * validated (`parseLoginCredentials`), so a key is always a fixed-size
 * hash of a bounded value.
 */
export function loginRateLimits({ redis, keyPrefix, secret }: LoginRateLimitOptions): RequestHandler[] {
  const key = deriveSecretKey(secret, 'login-rate-limit-v1');
  const keyedHash = (kind: string, value: string) => createHmac('sha256', key).update(`${kind}\0${value}`).digest('base64url');
  const common = { windowMs: WINDOW_MS, standardHeaders: false, legacyHeaders: false, handler: tooMany } as const;
  return [
    rateLimit({
      ...common,
      limit: LOGIN_ATTEMPTS_PER_ADDRESS,
      store: redisRateLimitStore(redis, `${keyPrefix}:rl:login:address:`),
      keyGenerator: (req: Request) => keyedHash('address', ipKeyGenerator(req.ip ?? 'unknown', IPV6_SUBNET)),
    }),
    rateLimit({
      ...common,
      limit: LOGIN_FAILURES_PER_ACCOUNT,
      skipSuccessfulRequests: true,
      store: redisRateLimitStore(redis, `${keyPrefix}:rl:login:account:`),
      keyGenerator: (_req: Request, res: Response) => keyedHash('account', loginCredentials(res).email),
    }),
  ];
}
