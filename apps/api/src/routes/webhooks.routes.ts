import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_FORMATS } from '@moderato/core';
import { deleteSiteWebhook, findSiteWebhook, listWebhookDeliveries, saveSiteWebhook, type Database, type SiteWebhook } from '@moderato/db';
import { checkWebhookUrl, WebhookUrlError, type ResolveHost, type WebhookSecrets, type WebhookUrlPolicy } from '@moderato/webhooks';
import { authenticate } from '../auth/authenticate';
import { requireCsrf } from '../auth/csrf';
import { currentUser } from '../auth/current-user';
import { siteForUser } from '../auth/site-access';
import { invalidField, notFound } from '../errors';
import { parseOrThrow, queryInteger } from '../validate';
import type { DeliveriesAnswer, SavedWebhook, TestQueued, WebhookAnswer } from './webhooks.openapi';

export interface WebhooksRoutesOptions {
  db: Kysely<Database>;
  session: RequestHandler;
  secrets: WebhookSecrets;
  /** MODERATO_WEBHOOK_ALLOW_HTTP and MODERATO_WEBHOOK_ALLOW_PRIVATE_NETWORKS. */
  policy: WebhookUrlPolicy;
  /** Queues a test event for the site's webhook; resolves with the event id. */
  enqueueTest: (siteId: string) => Promise<string>;
  /** How a URL's host is resolved at save (the system resolver unless a test gives one). */
  resolve?: ResolveHost;
}

export const webhookSchema = z
  .object({
    url: z.string({ error: 'url must be a string' }).trim().min(1, 'url is required'),
    format: z.enum(WEBHOOK_FORMATS, { error: 'format must be json or slack' }).default('json'),
    events: z
      .array(z.enum(WEBHOOK_EVENT_TYPES, { error: `each event must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}` }), { error: 'events must be an array' })
      .min(1, 'events must name at least one event (to pause the webhook, set enabled to false)')
      .transform((events) => WEBHOOK_EVENT_TYPES.filter((type) => events.includes(type)))
      .default([...WEBHOOK_EVENT_TYPES]),
    enabled: z.boolean({ error: 'enabled must be true or false' }).default(true),
    rotateSecret: z.boolean({ error: 'rotateSecret must be true or false' }).default(false),
  })
  .strict();
export const emptySchema = z.object({}).strict();
export const deliveriesQuerySchema = z.object({
  limit: queryInteger('limit', { min: 1, max: 200, fallback: 50 }),
  before: z.string().regex(/^[1-9][0-9]{0,18}$/, 'before must be a delivery id').optional(),
});

/** A webhook as staff see it: never its salt, and the secret only in the answer that made it. */
export const webhookView = (webhook: SiteWebhook) => ({
  url: webhook.url,
  format: webhook.format,
  events: webhook.events,
  enabled: webhook.enabled,
  createdAt: webhook.createdAt,
  updatedAt: webhook.updatedAt,
});

/**
 * A site's webhook: read, save (URL checked against the address policy),
 * remove, send a test, read the delivery log. Owners and admins of the site
 * only: the webhook sends the site's comments elsewhere.
 */
export function webhooksRoutes({ db, session, secrets, policy, enqueueTest, resolve }: WebhooksRoutesOptions): Router {
  const router = Router();
  const signedIn: RequestHandler[] = [session, authenticate(db)];
  const signedInWrite: RequestHandler[] = [...signedIn, requireCsrf];
  const siteFor = (req: Request, res: Response) => siteForUser(db, currentUser(res), req.params.siteId, 'manage');
  const path = '/api/v1/sites/:siteId/webhook';

  router.get(path, signedIn, async (req: Request, res: Response) => {
    const site = await siteFor(req, res);
    const webhook = await findSiteWebhook(db, site.id);
    res.json({ webhook: webhook ? webhookView(webhook) : null } satisfies WebhookAnswer);
  });

  router.put(path, signedInWrite, async (req: Request, res: Response) => {
    const site = await siteFor(req, res);
    const input = parseOrThrow(webhookSchema, req.body, 'body');
    const url = await checkWebhookUrl(input.url, policy, resolve).catch((error: unknown) => {
      if (error instanceof WebhookUrlError) throw invalidField('url', error.message);
      throw error;
    });
    const { rotateSecret, ...settings } = input;
    const { webhook, created } = await saveSiteWebhook(db, { siteId: site.id, ...settings, url: url.href, rotateSecret, newSalt: secrets.newSalt(), actor: currentUser(res).id });
    // The secret is shown once: when the webhook is made, or when it is rotated.
    const secret = created || rotateSecret ? { secret: secrets.secretFor(webhook.secretSalt) } : {};
    res.set('Cache-Control', 'no-store').status(created ? 201 : 200).json({ webhook: webhookView(webhook), ...secret } satisfies SavedWebhook);
  });

  router.delete(path, signedInWrite, async (req: Request, res: Response) => {
    const site = await siteFor(req, res);
    if (!(await deleteSiteWebhook(db, site.id))) throw notFound('webhook');
    res.status(204).end();
  });

  router.post(`${path}/test`, signedInWrite, async (req: Request, res: Response) => {
    const site = await siteFor(req, res);
    parseOrThrow(emptySchema, req.body ?? {}, 'body');
    const webhook = await findSiteWebhook(db, site.id);
    if (!webhook) throw notFound('webhook');
    res.status(202).json({ eventId: await enqueueTest(site.id) } satisfies TestQueued);
  });

  router.get(`${path}/deliveries`, signedIn, async (req: Request, res: Response) => {
    const site = await siteFor(req, res);
    const query = parseOrThrow(deliveriesQuerySchema, req.query, 'query');
    res.json((await listWebhookDeliveries(db, { siteId: site.id, ...query })) satisfies DeliveriesAnswer);
  });

  return router;
}
