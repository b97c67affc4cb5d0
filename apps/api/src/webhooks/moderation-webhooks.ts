import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from '@moderato/config';
import { webhookEventFor, type ModerationAction } from '@moderato/core';
import { listWebhookSubscriptions, type Database, type ModeratedComment } from '@moderato/db';
import { enqueueWebhookEvents, type WebhookDeliveryQueue, type WebhookEventToDeliver } from '@moderato/queue';

/** Told of a moderator's action after it committed; resolves when its webhook events are queued (or the failure logged). */
export type OnModerated = (moderated: readonly ModeratedComment[], action: ModerationAction) => Promise<void>;

/**
 * Queues a webhook event for each comment a moderator's action moved
 * (approving an approved comment moves nothing), on sites whose webhook
 * wants it. Runs after the transaction commits; a Redis or Postgres failure
 * here is logged and the moderator's answer stays a success: the action is
 * stored, only its notification is lost.
 */
export function createModerationWebhooks({ db, queue, logger }: { db: Kysely<Database>; queue: WebhookDeliveryQueue; logger: Logger }): OnModerated {
  return async (moderated, action) => {
    const moved = moderated.filter((c) => c.status !== c.previousStatus);
    if (moved.length === 0) return;
    try {
      const subscriptions = await listWebhookSubscriptions(db, moved.map((c) => c.siteId));
      const occurredAt = new Date().toISOString();
      const events: WebhookEventToDeliver[] = moved.flatMap((c) => {
        const type = webhookEventFor(c.status, 'moderator');
        return type && subscriptions.get(c.siteId)?.includes(type) ? [{ eventId: randomUUID(), type, siteId: c.siteId, commentId: c.id, occurredAt, decidedBy: 'moderator' as const, action }] : [];
      });
      await enqueueWebhookEvents(queue, events);
    } catch (error) {
      logger.warn({ comments: moved.length, action, err: { message: (error as Error).message } }, 'webhook events not queued');
    }
  };
}
