import { randomUUID } from 'node:crypto';
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT } from '@moderato/core';

export const WEBHOOK_DELIVERY_QUEUE = 'webhook-delivery';
export const WEBHOOK_DELIVERY_JOB = 'deliver';
export const WEBHOOK_PAYLOAD_VERSION = 1;
/** The jobs' backoff type: the worker works the delays out from MODERATO_WEBHOOK_RETRY_DELAY_MS (see webhookRetryDelay). */
export const WEBHOOK_BACKOFF = 'webhook';

/**
 * One event to deliver: ids and what happened, never the comment's text or
 * the webhook's URL or secret. The worker reads those when it delivers, so
 * a webhook changed or turned off since, or an author erased since, is honoured.
 */
export const webhookDeliveryPayloadSchema = z.object({
  v: z.literal(WEBHOOK_PAYLOAD_VERSION),
  /** The event's id, also the job id: the same on every retry, for receivers to drop repeats. */
  eventId: z.uuid(),
  type: z.enum([...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT]),
  siteId: z.string().min(1),
  commentId: z.uuid().nullable(),
  occurredAt: z.iso.datetime(),
  decidedBy: z.enum(['scorer', 'moderator']).nullable(),
  action: z.enum(['approve', 'reject', 'spam']).nullable(),
});
export type WebhookDeliveryPayload = z.infer<typeof webhookDeliveryPayloadSchema>;
export type WebhookEventToDeliver = Omit<WebhookDeliveryPayload, 'v'>;

/**
 * Eight attempts: at the default 30 s base the retries come about 30 s, 1,
 * 2, 4, 8, 16 and 32 minutes apart (about an hour in all), which rides out a
 * receiver's deploy or restart. Finished jobs go after a day; the delivery
 * log in Postgres is what people read.
 */
export const WEBHOOK_DELIVERY_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: WEBHOOK_BACKOFF },
  removeOnComplete: { age: 86_400, count: 1_000 },
  removeOnFail: { age: 7 * 86_400, count: 1_000 },
};
/** A test is tried once: whoever pressed the button is watching the log, and presses again. */
const TEST_JOB_OPTIONS: JobsOptions = { ...WEBHOOK_DELIVERY_JOB_OPTIONS, attempts: 1 };

/** The wait before the next attempt: `baseMs` doubled per attempt made, less up to a fifth at random so retries spread out. */
export function webhookRetryDelay(attemptsMade: number, baseMs: number, random: () => number = Math.random): number {
  const full = baseMs * 2 ** Math.max(0, attemptsMade - 1);
  return Math.round(full * (1 - 0.2 * random()));
}

export type WebhookDeliveryQueue = Queue<WebhookDeliveryPayload, unknown, typeof WEBHOOK_DELIVERY_JOB>;

export function createWebhookDeliveryQueue({ connection, prefix }: { connection: Redis; prefix: string }): WebhookDeliveryQueue {
  return new Queue<WebhookDeliveryPayload, unknown, typeof WEBHOOK_DELIVERY_JOB>(WEBHOOK_DELIVERY_QUEUE, { connection, prefix });
}

/** Queues events for delivery in one round trip, each under its event id (a repeated add is dropped). */
export async function enqueueWebhookEvents(queue: WebhookDeliveryQueue, events: readonly WebhookEventToDeliver[]): Promise<void> {
  if (events.length === 0) return;
  await queue.addBulk(
    events.map((event) => ({
      name: WEBHOOK_DELIVERY_JOB,
      data: { v: WEBHOOK_PAYLOAD_VERSION, ...event },
      opts: { ...(event.type === WEBHOOK_TEST_EVENT ? TEST_JOB_OPTIONS : WEBHOOK_DELIVERY_JOB_OPTIONS), jobId: event.eventId },
    })),
  );
}

/** Queues a test event for a site's webhook (tried once) and returns its id. */
export async function enqueueWebhookTest(queue: WebhookDeliveryQueue, siteId: string): Promise<string> {
  const eventId = randomUUID();
  await enqueueWebhookEvents(queue, [{ eventId, type: WEBHOOK_TEST_EVENT, siteId, commentId: null, occurredAt: new Date().toISOString(), decidedBy: null, action: null }]);
  return eventId;
}
