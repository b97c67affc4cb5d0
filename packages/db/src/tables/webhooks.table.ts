import type { ColumnType, Generated } from 'kysely';
import type { WebhookDeliveryType, WebhookEventType, WebhookFormat } from '@moderato/core';

export interface SiteWebhooksTable {
  site_id: string;
  url: string;
  /** With MODERATO_SECRET, gives the signing secret; the secret itself is never stored. */
  secret_salt: string;
  format: ColumnType<WebhookFormat, WebhookFormat | undefined, WebhookFormat>;
  events: ColumnType<WebhookEventType[], WebhookEventType[] | undefined, WebhookEventType[]>;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  updated_by: string;
}

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  site_id: string;
  event_id: string;
  event_type: WebhookDeliveryType;
  comment_id: string | null;
  attempt: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  delivered_at: ColumnType<Date, Date | undefined, never>;
}
