import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Config, Logger } from '@moderato/config';
import type { Database } from '@moderato/db';
import { createWebhookDeliveryQueue, WEBHOOK_DELIVERY_QUEUE, webhookRetryDelay, type WebhookDeliveryPayload, type WebhookDeliveryQueue } from '@moderato/queue';
import { createWebhookSecrets } from '@moderato/webhooks';
import { createWebhookDeliveryProcessor } from './webhook-delivery.processor';

/** Deliveries in flight per worker process: each mostly waits on a receiver (5 s at most). */
const WEBHOOK_CONCURRENCY = 16;

export interface WebhookDeliveryWorker {
  /** Where the scorer's decisions queue their events. */
  queue: WebhookDeliveryQueue;
  close(): Promise<void>;
}

/** The webhook delivery worker beside the scoring one, with the retry schedule from the config. */
export async function startWebhookDeliveryWorker(options: {
  connection: Redis;
  prefix: string;
  db: Kysely<Database>;
  config: Pick<Config, 'secret' | 'publicUrl' | 'webhooks'>;
  logger: Logger;
}): Promise<WebhookDeliveryWorker> {
  const { connection, prefix, db, config, logger } = options;
  const queue = createWebhookDeliveryQueue({ connection, prefix });
  queue.on('error', (error) => logger.warn({ err: { message: error.message } }, 'webhook queue error'));
  const processor = createWebhookDeliveryProcessor({ db, secrets: createWebhookSecrets(config.secret), policy: config.webhooks, publicUrl: config.publicUrl, logger });
  const worker = new Worker<WebhookDeliveryPayload>(WEBHOOK_DELIVERY_QUEUE, processor, {
    connection,
    prefix,
    concurrency: WEBHOOK_CONCURRENCY,
    settings: { backoffStrategy: (attemptsMade: number) => webhookRetryDelay(attemptsMade, config.webhooks.retryDelayMs) },
  });
  worker.on('error', (error) => logger.warn({ err: { message: error.message } }, 'webhook worker error'));
  await worker.waitUntilReady();
  return {
    queue,
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}
