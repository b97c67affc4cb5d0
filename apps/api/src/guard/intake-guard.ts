import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from '@moderato/config';
import { intakeRateLimits } from '../middleware/intake-rate-limit.middleware';
import { createBotTrap, type BotTrap, type TrapReason } from './bot-trap';
import { createDuplicateGuard, type DuplicateGuard } from './duplicate-guard';
import type { FormTokens } from './form-token';

/**
 * Abuse checks at the intake's door, in the order the route runs them, after
 * CORS (which the route sets up itself when it has a guard: it needs the
 * app's trust proxy setting).
 */
export interface IntakeGuard {
  /** Per-IP and per-site limits; empty when turned off. */
  limits: RequestHandler[];
  botTrap: BotTrap;
  /** Absent when the duplicate window is 0. */
  duplicates?: DuplicateGuard;
}

export interface IntakeGuardOptions {
  redis: Redis;
  prefix: string;
  tokens: FormTokens;
  hashIp: (ip: string) => string;
  rateLimit: { perIpPerMinute: number; perSitePerMinute: number } | null;
  duplicateWindowSeconds: number;
  logger: Logger;
}

/** The Redis hash counting trapped posts, one field per `site:reason`. */
export const trappedCountKey = (prefix: string) => `${prefix}:trapped`;

export function createIntakeGuard(options: IntakeGuardOptions): IntakeGuard {
  const { redis, prefix, logger } = options;
  const countTrapped = async (siteId: string, reason: TrapReason) => {
    logger.info({ siteId, reason }, 'post trapped, not queued');
    await redis.hincrby(trappedCountKey(prefix), `${siteId}:${reason}`, 1).catch(() => undefined);
  };
  return {
    limits: options.rateLimit ? intakeRateLimits({ redis, prefix, hashIp: options.hashIp, logger, ...options.rateLimit }) : [],
    botTrap: createBotTrap({ tokens: options.tokens, count: countTrapped }),
    duplicates:
      options.duplicateWindowSeconds > 0 ? createDuplicateGuard({ windowSeconds: options.duplicateWindowSeconds }) : undefined,
  };
}
