import { createLogger, loadConfig } from '@moderato/config';
import { startWorker, type RunningWorker } from '../../apps/worker/src/worker';
import { LogCapture } from './api-under-test';
import { TEST_SECRET } from './fixtures';

/** The real worker, in-process, with its logs captured. */
export async function startWorkerUnderTest(
  env: { databaseUrl: string; redisUrl: string; queuePrefix: string },
  extraEnv: Record<string, string> = {},
): Promise<{ sut: RunningWorker; logs: LogCapture }> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl,
    MODERATO_QUEUE_PREFIX: env.queuePrefix,
    MODERATO_SECRET: TEST_SECRET,
    LOG_LEVEL: 'info',
    ...extraEnv,
  });
  const logs = new LogCapture();
  const sut = await startWorker(config, createLogger({ level: config.logLevel, service: 'worker', destination: logs }));
  return { sut, logs };
}
