import { Worker } from 'bullmq';
import type { Config, Logger } from '@moderato/config';
import { loadModelBundle } from '@moderato/core';
import { openServiceDatabase } from '@moderato/db';
import {
  createRedisConnection,
  createRetentionQueue,
  createScoreCommentQueue,
  RETENTION_QUEUE,
  scheduleRetention,
  SCORE_COMMENT_QUEUE,
  SCORE_COMMENT_WORKER_OPTIONS,
  type ScoreCommentPayload,
} from '@moderato/queue';
import { createBatchedDatabase } from './batched-database';
import { createDecisionWebhooks } from './decision-webhooks';
import { waitOutDatabaseOutages } from './database-outage';
import { createRetentionProcessor } from './retention.processor';
import { startMetricsServer } from './metrics-server';
import { createScoreCommentProcessor } from './score-comment.processor';
import { createSiteScorers } from './site-scorers';
import { startSiteTrainingWorker } from './site-training-worker';
import { startWebhookDeliveryWorker } from './webhook-delivery-worker';
import { createWorkerMetrics } from './worker-metrics';

export interface RunningWorker {
  /** Finishes the jobs in hand, then closes Postgres and Redis. */
  close(): Promise<void>;
}

/** Wires one worker process: models → Postgres → sites → Redis → BullMQ Worker. */
export async function startWorker(config: Config, logger: Logger): Promise<RunningWorker> {
  const loadStartedAt = performance.now();
  const models = loadModelBundle();
  logger.info({ modelVersion: models.version, loadMs: Math.round(performance.now() - loadStartedAt) }, 'models loaded');
  const metrics = createWorkerMetrics();

  const postgres = openServiceDatabase({ url: config.databaseUrl, statementTimeoutMs: config.statementTimeoutMs.worker, logger, countPoolError: metrics.countPostgresError });
  const { db, sites } = postgres;
  const connection = createRedisConnection(config.redisUrl, 'worker');
  connection.on('error', (error) => {
    metrics.countRedisError();
    logger.warn({ err: { message: error.message } }, 'redis connection error');
  });

  // Only to pause the queue for every worker while Postgres is away.
  const queue = createScoreCommentQueue({ connection, prefix: config.queuePrefix });
  // Look-ups and writes are batched across the jobs in flight: a few round trips per batch instead of six per job.
  const batched = createBatchedDatabase({ db, maxItems: config.workerConcurrency });
  const webhooks = await startWebhookDeliveryWorker({ connection, prefix: config.queuePrefix, db, config, logger });
  const decisionWebhooks = createDecisionWebhooks({ db, queue: webhooks.queue, logger });
  const scoreComment = createScoreCommentProcessor({
    scorers: createSiteScorers({ db, base: models, logger, wrap: metrics.timed }),
    sites,
    db,
    logger,
    lookUpAuthor: batched.lookUpAuthor,
    record: async (decision) => {
      const written = await batched.record(decision);
      if (written) {
        metrics.decided(decision);
        await decisionWebhooks(decision);
      }
      return written;
    },
  });
  const processor = waitOutDatabaseOutages(scoreComment, {
    pauseQueue: (ms) => queue.rateLimit(ms),
    onOutage: (error) => logger.warn({ err: { message: (error as Error).message } }, 'postgres unavailable: pausing the queue'),
  });
  const worker = new Worker<ScoreCommentPayload>(SCORE_COMMENT_QUEUE, processor, {
    connection,
    prefix: config.queuePrefix,
    concurrency: config.workerConcurrency,
    ...SCORE_COMMENT_WORKER_OPTIONS,
  });
  // Without this listener an error event would crash the process.
  worker.on('error', (error) => logger.warn({ err: { message: error.message } }, 'worker error'));
  worker.on('failed', (job, error) => {
    metrics.failed(error.name === 'UnrecoverableError' || (job !== undefined && job.attemptsMade >= (job.opts.attempts ?? 1)));
    logger.warn({ commentId: job?.id, attempt: job?.attemptsMade, err: { type: error.name, message: error.message } }, 'job failed');
  });
  // Retention: one repeatable job for all workers; whichever is free runs it.
  const retentionQueue = createRetentionQueue({ connection, prefix: config.queuePrefix });
  const retention = new Worker(RETENTION_QUEUE, createRetentionProcessor({ db, queue, logger, retentionDays: config.retentionDays }), {
    connection,
    prefix: config.queuePrefix,
    concurrency: 1,
  });
  retention.on('error', (error) => logger.warn({ err: { message: error.message } }, 'retention worker error'));
  await scheduleRetention(retentionQueue);
  const siteTraining = await startSiteTrainingWorker({ connection, prefix: config.queuePrefix, db, databaseUrl: config.databaseUrl, models, logger });
  await worker.waitUntilReady();
  const metricsServer = config.workerMetricsPort
    ? await startMetricsServer({ registry: metrics.registry, port: config.workerMetricsPort, token: config.metricsToken })
    : undefined;
  logger.info({ concurrency: config.workerConcurrency, prefix: config.queuePrefix, metricsPort: config.workerMetricsPort }, 'worker ready');

  return {
    async close() {
      metricsServer?.close();
      await Promise.all([worker.close(), retention.close(), siteTraining.close()]);
      // After the scoring worker: its last jobs may still queue events.
      await webhooks.close();
      await Promise.all([queue.close(), retentionQueue.close()]);
      await postgres.close();
      connection.disconnect();
    },
  };
}
