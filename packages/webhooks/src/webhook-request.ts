import type { WebhookEvent, WebhookFormat } from '@moderato/core';
import type { WebhookRequest } from './send-webhook';
import { SIGNATURE_HEADER, signWebhook } from './signature';
import { slackMessage } from './slack-message';

export const EVENT_HEADER = 'x-moderato-event';
/** The event's id: the same on every retry, for receivers to drop repeats. */
export const EVENT_ID_HEADER = 'x-moderato-event-id';
export const USER_AGENT = 'Moderato-Webhooks/1';

/**
 * The request that tells a receiver of one event: the body in the webhook's
 * format, signed afresh for this attempt (the time is part of the signature).
 */
export function webhookRequest(options: { url: string; format: WebhookFormat; secret: string; event: WebhookEvent; now?: number }): WebhookRequest {
  const { url, format, secret, event, now = Date.now() } = options;
  const body = JSON.stringify(format === 'slack' ? slackMessage(event) : event);
  return {
    url,
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      [EVENT_HEADER]: event.type,
      [EVENT_ID_HEADER]: event.id,
      [SIGNATURE_HEADER]: signWebhook(secret, body, Math.floor(now / 1000)),
    },
  };
}
