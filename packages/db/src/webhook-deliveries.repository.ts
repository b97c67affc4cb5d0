import { sql, type Kysely } from 'kysely';
import type { WebhookDeliveryType } from '@moderato/core';
import type { Database } from './database';

/** How long, and how many rows per site, the delivery log keeps. */
export const DELIVERY_LOG_DAYS = 30;
export const DELIVERY_LOG_ROWS_PER_SITE = 1_000;

/** One attempt to deliver one event. */
export interface WebhookDelivery {
  id: string;
  eventId: string;
  eventType: WebhookDeliveryType;
  commentId: string | null;
  attempt: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  at: string;
}

export type NewWebhookDelivery = Omit<WebhookDelivery, 'id' | 'at'> & { siteId: string };

/**
 * Logs one attempt, and trims the site's log to 30 days and 1,000 rows in
 * the same round trip: the log stays bounded without a job of its own.
 */
export async function recordWebhookDelivery(db: Kysely<Database>, delivery: NewWebhookDelivery): Promise<void> {
  await db
    .with('logged', (qb) =>
      qb
        .insertInto('webhook_deliveries')
        .values({
          site_id: delivery.siteId,
          event_id: delivery.eventId,
          event_type: delivery.eventType,
          comment_id: delivery.commentId,
          attempt: delivery.attempt,
          status_code: delivery.statusCode,
          error: delivery.error,
          duration_ms: delivery.durationMs,
        })
        .returning('id'),
    )
    .deleteFrom('webhook_deliveries')
    .where('site_id', '=', delivery.siteId)
    .where((eb) =>
      eb.or([
        eb('delivered_at', '<', sql<Date>`now() - make_interval(days => ${DELIVERY_LOG_DAYS})`),
        eb(
          'id',
          '<=',
          eb
            .selectFrom('webhook_deliveries as older')
            .select('older.id')
            .where('older.site_id', '=', delivery.siteId)
            .orderBy('older.id', 'desc')
            // The row just added is not visible to this statement: one fewer to skip.
            .offset(DELIVERY_LOG_ROWS_PER_SITE - 1)
            .limit(1),
        ),
      ]),
    )
    .execute();
}

/** A site's delivery log, newest first; `before` (a delivery id) pages back. */
export async function listWebhookDeliveries(db: Kysely<Database>, query: { siteId: string; limit: number; before?: string }): Promise<{ deliveries: WebhookDelivery[]; next: string | null }> {
  let select = db
    .selectFrom('webhook_deliveries')
    .select(['id', 'event_id', 'event_type', 'comment_id', 'attempt', 'status_code', 'error', 'duration_ms', 'delivered_at'])
    .where('site_id', '=', query.siteId);
  if (query.before) select = select.where('id', '<', query.before);
  const rows = await select.orderBy('id', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  return {
    deliveries: page.map((r) => ({
      id: String(r.id),
      eventId: r.event_id,
      eventType: r.event_type,
      commentId: r.comment_id,
      attempt: r.attempt,
      statusCode: r.status_code,
      error: r.error,
      durationMs: r.duration_ms,
      at: r.delivered_at.toISOString(),
    })),
    next: rows.length > query.limit ? String(page[page.length - 1]!.id) : null,
  };
}
