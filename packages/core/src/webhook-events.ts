import type { StoredCommentStatus } from './comment';
import type { ModerationAction } from './moderation';

/** What a site's webhook can be told about: the events an owner picks from. */
export const WEBHOOK_EVENT_TYPES = ['comment.held', 'comment.rejected', 'comment.approved'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by "Send test" in the dashboard; never subscribed to. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';
export type WebhookDeliveryType = WebhookEventType | typeof WEBHOOK_TEST_EVENT;

/** `json`: the event itself; `slack`: a `{ "text": ... }` message for a Slack-compatible incoming webhook. */
export const WEBHOOK_FORMATS = ['json', 'slack'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** Who made the change an event tells of. */
export type WebhookActor = 'scorer' | 'moderator';

/**
 * Which event a decision makes, if any. The scorer's holds and rejections
 * are events; its approvals are not (they are the site's ordinary traffic,
 * and the public thread shows them). A moderator's approvals and rejections
 * (spam included) are events.
 */
export function webhookEventFor(status: StoredCommentStatus, actor: WebhookActor): WebhookEventType | null {
  if (status === 'rejected') return 'comment.rejected';
  if (actor === 'scorer') return status === 'held' ? 'comment.held' : null;
  return status === 'approved' ? 'comment.approved' : null;
}

/**
 * A comment as a webhook tells of it: ids, where it stands, its scores and
 * reason codes, the author's display name and the text. Never the email, its
 * hash or the IP hash.
 */
export interface WebhookComment {
  id: string;
  articleId: string;
  parentId: string | null;
  authorName: string;
  body: string;
  /** ISO 639-1 code as detected, 'und' when unknown; null for comments from before detection. */
  language: string | null;
  createdAt: string;
  scores: { spam: number; toxicity: number };
  /** The scorer's reason codes (`links`, `spam-model` ...), without the words they matched. */
  reasons: string[];
}

/** One event as a receiver gets it in the `json` format. */
export interface WebhookEvent {
  /** The same on every retry of one event: receivers drop repeats by it. Also in `X-Moderato-Event-Id`. */
  id: string;
  type: WebhookDeliveryType;
  /** When the decision was made (ISO 8601). */
  occurredAt: string;
  site: { id: string; name: string };
  /** The status the event left the comment in; null for a test. */
  status: StoredCommentStatus | null;
  decidedBy: WebhookActor | null;
  /** The moderator's action (`approve`, `reject`, `spam`); null for the scorer's decisions and tests. */
  action: ModerationAction | null;
  comment: WebhookComment | null;
  /** The dashboard, when the operator set MODERATO_PUBLIC_URL. */
  dashboardUrl: string | null;
}
