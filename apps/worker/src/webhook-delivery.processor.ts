import { type Job, UnrecoverableError } from 'bullmq';
import type { Kysely } from 'kysely';
import type { Logger } from '@moderato/config';
import { STATUS_AFTER_ACTION, WEBHOOK_TEST_EVENT, type StoredCommentStatus, type WebhookEvent } from '@moderato/core';
import { findSite, findSiteWebhook, findWebhookComment, recordWebhookDelivery, type Database } from '@moderato/db';
import { webhookDeliveryPayloadSchema, type WebhookDeliveryPayload } from '@moderato/queue';
import { sendWebhook, webhookRequest, type SendOptions, type WebhookSecrets, type WebhookUrlPolicy } from '@moderato/webhooks';

export interface WebhookDeliveryProcessorOptions {
  db: Kysely<Database>;
  secrets: WebhookSecrets;
  policy: WebhookUrlPolicy;
  /** MODERATO_PUBLIC_URL: the dashboard link in events; null leaves it out. */
  publicUrl: string | null;
  logger: Logger;
  /** Sends one request (tests give a resolver of their own through it). */
  send?: (request: Parameters<typeof sendWebhook>[0], options: SendOptions) => ReturnType<typeof sendWebhook>;
}

/** Why a job ended without a request: nothing is logged in the site's delivery log for these. */
export type WebhookSkip = 'no-webhook' | 'not-subscribed' | 'site-gone' | 'comment-gone';

const STATUS_OF_EVENT: Record<string, StoredCommentStatus> = { 'comment.held': 'held', 'comment.rejected': 'rejected', 'comment.approved': 'approved' };

/**
 * Delivers one event: reads the site's webhook and the comment as they are
 * now (a webhook turned off, or a comment erased, since the event is
 * honoured), signs, sends, and logs the attempt. A failed attempt throws so
 * BullMQ retries it later; an address the policy refuses fails for good.
 */
export function createWebhookDeliveryProcessor({ db, secrets, policy, publicUrl, logger, send = sendWebhook }: WebhookDeliveryProcessorOptions) {
  return async (job: Job<WebhookDeliveryPayload>): Promise<{ status: number } | { skipped: WebhookSkip }> => {
    const parsed = webhookDeliveryPayloadSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`payload does not match version ${String((job.data as { v?: unknown })?.v)}`);
    const event = parsed.data;
    const skip = (skipped: WebhookSkip) => {
      logger.info({ jobId: job.id, siteId: event.siteId, eventType: event.type, skipped }, 'webhook event skipped');
      return { skipped };
    };
    const webhook = await findSiteWebhook(db, event.siteId);
    // A test goes even to a webhook that is off: it is how an owner checks a receiver before turning it on.
    if (!webhook || (!webhook.enabled && event.type !== WEBHOOK_TEST_EVENT)) return skip('no-webhook');
    if (event.type !== WEBHOOK_TEST_EVENT && !webhook.events.includes(event.type)) return skip('not-subscribed');
    const site = await findSite(db, event.siteId);
    if (!site) return skip('site-gone');
    const comment = event.commentId ? ((await findWebhookComment(db, event.commentId)) ?? null) : null;
    if (event.commentId && !comment) return skip('comment-gone');

    const payload: WebhookEvent = {
      id: event.eventId,
      type: event.type,
      occurredAt: event.occurredAt,
      site: { id: site.id, name: site.name },
      status: STATUS_OF_EVENT[event.type] ?? (event.action ? STATUS_AFTER_ACTION[event.action] : null),
      decidedBy: event.decidedBy,
      action: event.action,
      comment,
      dashboardUrl: publicUrl ? `${publicUrl}/admin/` : null,
    };
    const request = webhookRequest({ url: webhook.url, format: webhook.format, secret: secrets.secretFor(webhook.secretSalt), event: payload });
    const attempt = await send(request, { policy });
    const number = job.attemptsMade + 1;
    await recordWebhookDelivery(db, {
      siteId: event.siteId,
      eventId: event.eventId,
      eventType: event.type,
      commentId: event.commentId,
      attempt: number,
      statusCode: attempt.status,
      error: attempt.error,
      durationMs: attempt.durationMs,
    });
    // The receiver's host is logged, never the URL: its path often holds a token (Slack's do).
    const where = { jobId: job.id, siteId: event.siteId, eventType: event.type, commentId: event.commentId, host: new URL(webhook.url).host, attempt: number, status: attempt.status, ms: attempt.durationMs };
    if (attempt.ok) {
      logger.info(where, 'webhook delivered');
      return { status: attempt.status! };
    }
    logger.warn({ ...where, error: attempt.error }, 'webhook attempt failed');
    if (attempt.refused) throw new UnrecoverableError(attempt.error!);
    throw new Error(attempt.error!);
  };
}
