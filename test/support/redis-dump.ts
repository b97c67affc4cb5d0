import type { Redis } from 'ioredis';

/** Every value stored under a key prefix, as text: what someone reading Redis would see. */
export async function dumpRedisValues(redis: Redis, prefix: string): Promise<string> {
  const keys = await redis.keys(`${prefix}:*`);
  const values: string[] = [...keys];
  for (const key of keys) {
    const type = await redis.type(key);
    if (type === 'string') values.push((await redis.get(key)) ?? '');
    else if (type === 'hash') values.push(JSON.stringify(await redis.hgetall(key)));
    else if (type === 'list') values.push(...(await redis.lrange(key, 0, -1)));
    else if (type === 'zset') values.push(...(await redis.zrange(key, 0, -1)));
    else if (type === 'set') values.push(...(await redis.smembers(key)));
    else if (type === 'stream') values.push(JSON.stringify(await redis.xrange(key, '-', '+')));
  }
  return values.join('\n');
}
