import { Redis } from 'ioredis';
import { Client } from 'pg';
import { readTestRun } from './support/test-run';

/** Drops every database and Redis key this run made. */
export default async function globalTeardown(): Promise<void> {
  const run = readTestRun();
  const client = new Client({ connectionString: run.serverUrl });
  await client.connect();
  const { rows } = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${run.id}%`]);
  for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
  await client.end();

  const redis = new Redis(run.redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${run.id}*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}
