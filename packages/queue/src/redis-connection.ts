import { Redis } from 'ioredis';

export type RedisRole = 'producer' | 'worker';

/**
 * Producers fail fast (no offline queue, one attempt per command) so the API
 * can answer 503 at once; workers wait out a Redis outage (BullMQ requires
 * `maxRetriesPerRequest: null` for blocking commands).
 */
export function createRedisConnection(url: string, role: RedisRole): Redis {
  if (role === 'producer') {
    return new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  }
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: false });
}
