import { sql, type Kysely } from 'kysely';
import type { WebhookEventType, WebhookFormat } from '@moderato/core';
import type { Database } from './database';
import { proposedValues } from './upsert';

/** A site's webhook as the rest of the code sees it. */
export interface SiteWebhook {
  siteId: string;
  url: string;
  format: WebhookFormat;
  events: WebhookEventType[];
  enabled: boolean;
  /** With MODERATO_SECRET, gives the signing secret (see @moderato/webhooks createWebhookSecrets). */
  secretSalt: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export interface WebhookChange {
  siteId: string;
  url: string;
  format: WebhookFormat;
  events: WebhookEventType[];
  enabled: boolean;
  /** A fresh salt: used when the webhook is created, or when `rotateSecret` is set. */
  newSalt: string;
  rotateSecret: boolean;
  actor: string;
}

const columns = ['site_id', 'url', 'format', 'events', 'enabled', 'secret_salt', 'created_at', 'updated_at', 'updated_by'] as const;

function toWebhook(row: { site_id: string; url: string; format: WebhookFormat; events: WebhookEventType[]; enabled: boolean; secret_salt: string; created_at: Date; updated_at: Date; updated_by: string }): SiteWebhook {
  return {
    siteId: row.site_id,
    url: row.url,
    format: row.format,
    events: row.events,
    enabled: row.enabled,
    secretSalt: row.secret_salt,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
  };
}

export async function findSiteWebhook(db: Kysely<Database>, siteId: string): Promise<SiteWebhook | undefined> {
  const row = await db.selectFrom('site_webhooks').select(columns).where('site_id', '=', siteId).executeTakeFirst();
  return row && toWebhook(row);
}

/**
 * Creates or replaces a site's webhook in one statement. The salt (so the
 * secret) is kept unless the webhook is new or `rotateSecret` is set;
 * `created` says which, so the caller knows whether to show the new secret.
 */
export async function saveSiteWebhook(db: Kysely<Database>, change: WebhookChange): Promise<{ webhook: SiteWebhook; created: boolean }> {
  const row = await db
    .insertInto('site_webhooks')
    .values({ site_id: change.siteId, url: change.url, format: change.format, events: change.events, enabled: change.enabled, secret_salt: change.newSalt, updated_by: change.actor })
    .onConflict((oc) =>
      oc.column('site_id').doUpdateSet((eb) => ({
        ...proposedValues(eb, ['url', 'format', 'events', 'enabled', 'updated_by']),
        updated_at: sql<Date>`now()`,
        secret_salt: change.rotateSecret ? eb.ref('excluded.secret_salt') : eb.ref('site_webhooks.secret_salt'),
      })),
    )
    // xmax is 0 on a row this statement inserted, and set on one it updated.
    .returning([...columns, sql<boolean>`(xmax = 0)`.as('created')])
    .executeTakeFirstOrThrow();
  return { webhook: toWebhook(row), created: row.created };
}

/** Removes a site's webhook; its delivery log stays until it ages out. Whether there was one. */
export async function deleteSiteWebhook(db: Kysely<Database>, siteId: string): Promise<boolean> {
  const result = await db.deleteFrom('site_webhooks').where('site_id', '=', siteId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The events each of these sites' enabled webhooks wants (sites without one are left out); all sites when `siteIds` is absent. */
export async function listWebhookSubscriptions(db: Kysely<Database>, siteIds?: readonly string[]): Promise<Map<string, WebhookEventType[]>> {
  if (siteIds?.length === 0) return new Map();
  let select = db.selectFrom('site_webhooks').select(['site_id', 'events']).where('enabled', '=', true);
  if (siteIds) select = select.where('site_id', 'in', [...new Set(siteIds)]);
  const rows = await select.execute();
  return new Map(rows.map((r) => [r.site_id, r.events]));
}
