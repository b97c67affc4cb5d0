import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from '@moderato/config';
import { STATUS_FOR_DECISION, webhookEventFor, type WebhookEventType } from '@moderato/core';
import { listWebhookSubscriptions, type Database, type ScoredComment } from '@moderato/db';
import { enqueueWebhookEvents, type WebhookDeliveryQueue } from '@moderato/queue';

/**
 * How long a worker trusts its list of which sites want which events. Most
 * held comments are on sites without a webhook: one small query per 5 s
 * instead of one per comment; a webhook saved is heard within that time.
 */
export const SUBSCRIPTIONS_MAX_AGE_MS = 5_000;

/**
 * Queues the webhook event of a decision the scorer just stored (a hold or
 * a rejection), if the site's webhook wants it. Called only for comments
 * this job wrote, after the commit: a retried job wrote nothing, so it queues
 * nothing twice. A failure to queue is logged, never thrown: the comment is
 * stored and in the review queue, and failing the job would not bring the
 * event back (the retry writes nothing).
 */
export function createDecisionWebhooks({ db, queue, logger, maxAgeMs = SUBSCRIPTIONS_MAX_AGE_MS }: { db: Kysely<Database>; queue: WebhookDeliveryQueue; logger: Logger; maxAgeMs?: number }) {
  let cached: { at: number; subscriptions: Promise<Map<string, WebhookEventType[]>> } | undefined;
  const subscriptions = () => {
    if (!cached || performance.now() - cached.at > maxAgeMs) {
      const loading = listWebhookSubscriptions(db);
      cached = { at: performance.now(), subscriptions: loading };
      loading.catch(() => {
        if (cached?.subscriptions === loading) cached = undefined;
      });
    }
    return cached.subscriptions;
  };

  return async (scored: ScoredComment): Promise<void> => {
    const type = webhookEventFor(STATUS_FOR_DECISION[scored.score.decision], 'scorer');
    if (!type) return;
    const { id: commentId, siteId } = scored.comment;
    try {
      if (!(await subscriptions()).get(siteId)?.includes(type)) return;
      await enqueueWebhookEvents(queue, [{ eventId: randomUUID(), type, siteId, commentId, occurredAt: new Date().toISOString(), decidedBy: 'scorer', action: null }]);
    } catch (error) {
      logger.warn({ commentId, siteId, eventType: type, err: { message: (error as Error).message } }, 'webhook event not queued');
    }
  };
}
