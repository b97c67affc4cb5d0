import { Redis } from 'ioredis';
import type { DrillServices } from './drill-services';
import type { OwnPostgres } from './own-postgres';
import type { OwnRedis } from '../../test/support/redis-server';

export interface FaultTargets {
  services: DrillServices;
  postgres: OwnPostgres;
  redis: OwnRedis;
  queuePrefix: string;
}

export interface FaultLog {
  lines: string[];
  apiExitCode: number | null;
}

const POSTGRES_DOWN_MS = 5_000;

async function activeJobs(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    return await redis.llen(`${prefix}:score-comment:active`);
  } finally {
    redis.disconnect();
  }
}

/**
 * The four faults, one after the other while the load runs, each at a fixed
 * offset from the start so two runs are comparable.
 */
export async function runFaults({ services, postgres, redis, queuePrefix }: FaultTargets, startedAt: number): Promise<FaultLog> {
  const lines: string[] = [];
  const log = (text: string) => lines.push(`[${((Date.now() - startedAt) / 1000).toFixed(1).padStart(5)} s] ${text}`);
  const at = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + ms - Date.now())));

  await at(4_000);
  // Aim for a moment when jobs are running (scoring takes milliseconds).
  let active = 0;
  for (let tries = 0; tries < 200 && active === 0; tries++) active = await activeJobs(redis.url, queuePrefix);
  await services.killWorker();
  log(`worker SIGKILLed with ${active} job(s) active; starting a replacement`);
  // Not awaited: the next fault keeps its time while the replacement boots.
  const replacement = services.startWorker().then(() => log('replacement worker ready'));

  await at(9_000);
  await postgres.stopImmediate();
  log(`postgres stopped (immediate) for ${POSTGRES_DOWN_MS / 1000} s`);
  await new Promise((resolve) => setTimeout(resolve, POSTGRES_DOWN_MS));
  await postgres.start();
  log('postgres started again (crash recovery)');

  await at(18_000);
  await redis.kill();
  log('redis SIGKILLed');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await redis.restart();
  log('redis restarted from its append-only file');

  await at(24_000);
  log('api SIGTERM');
  const apiExitCode = await services.stopApi();
  log(`api exited with code ${apiExitCode}; starting a new one`);
  await services.startApi();
  log('new api listening');
  await replacement;
  return { lines, apiExitCode };
}
