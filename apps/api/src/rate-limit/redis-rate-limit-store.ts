import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RedisStore } from 'rate-limit-redis';

type RedisReply = string | number | boolean | Array<string | number | boolean>;

/**
 * rate-limit-redis's store over an ioredis connection. The store loads its
 * Lua script once, at start; should Redis be down then, this answers the
 * SHA1 Redis would have given, so the store recovers through NOSCRIPT once
 * Redis is back instead of failing for good.
 */
export function redisRateLimitStore(redis: Redis, prefix: string): RedisStore {
  return new RedisStore({
    prefix,
    sendCommand: async (command: string, ...args: string[]) => {
      try {
        return (await redis.call(command, ...args)) as RedisReply;
      } catch (error) {
        const [subcommand, script] = args;
        if (command === 'SCRIPT' && subcommand === 'LOAD' && script) return createHash('sha1').update(script).digest('hex');
        throw error;
      }
    },
  });
}

/** Seconds until the client may try again, from express-rate-limit's request info. */
export function retryAfterSeconds(req: unknown, windowMs: number): number {
  const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  return Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000));
}
