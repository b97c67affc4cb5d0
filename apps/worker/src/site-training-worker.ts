import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from '@moderato/config';
import type { ModelBundle } from '@moderato/core';
import type { Database } from '@moderato/db';
import { createTrainSiteModelQueue, scheduleSiteTraining, TRAIN_SITE_MODEL_QUEUE } from '@moderato/queue';
import { createTrainSiteModelProcessor } from './train-site-model.processor';
import { createTrainingThread } from './training-thread/training-thread';

export interface SiteTrainingWorker {
  close(): Promise<void>;
}

/**
 * The site-model training worker beside the scoring one: one training at a
 * time in this process's low-priority training thread (and, by the queue's global concurrency, across all
 * workers), plus the nightly job that queues the sites due.
 */
export async function startSiteTrainingWorker(options: { connection: Redis; prefix: string; db: Kysely<Database>; databaseUrl: string; models: ModelBundle; logger: Logger }): Promise<SiteTrainingWorker> {
  const { connection, prefix, logger } = options;
  const queue = createTrainSiteModelQueue({ connection, prefix });
  const thread = createTrainingThread(options.databaseUrl);
  const worker = new Worker(TRAIN_SITE_MODEL_QUEUE, createTrainSiteModelProcessor({ ...options, queue, train: thread.train }), { connection, prefix, concurrency: 1 });
  worker.on('error', (error) => logger.warn({ err: { message: error.message } }, 'site training worker error'));
  worker.on('failed', (job, error) => logger.warn({ jobId: job?.id, siteId: (job?.data as { siteId?: string } | undefined)?.siteId, attempt: job?.attemptsMade, err: { type: error.name, message: error.message } }, 'site training failed'));
  await scheduleSiteTraining(queue);
  return {
    async close() {
      await worker.close();
      await Promise.all([queue.close(), thread.close()]);
    },
  };
}
