import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isUuid, MODERATION_ACTIONS, type PersonalDataKeys } from '@moderato/core';
import {
  canAccessSite,
  countByStatus,
  COUNT_CAP,
  findCommentSite,
  findSite,
  listAuthorComments,
  listCommentHistory,
  listReviewQueue,
  listSites,
  moderateComments,
  revealSealedEmail,
  REVIEW_LANGUAGES,
  type Database,
  type SiteDirectory,
  type User,
} from '@moderato/db';
import { authenticate } from '../auth/authenticate';
import { requireCsrf } from '../auth/csrf';
import { currentUser } from '../auth/current-user';
import { HttpError, notFound } from '../errors';
import { parseOrThrow, queryInteger } from '../validate';
import type { OnModerated } from '../webhooks/moderation-webhooks';
import type { BulkModerated, HistoryAnswer, Moderated, RevealedEmail, ReviewCounts, SitesAnswer } from './review.openapi';

export interface ReviewRoutesOptions {
  db: Kysely<Database>;
  /** Every site, in memory: a review page asks Postgres only for its comments. */
  sites: SiteDirectory;
  keys: PersonalDataKeys;
  /** The dashboard session middleware (cookie → req.session). */
  session: RequestHandler;
  /** Told of each action once it committed (webhook events). */
  onModerated?: OnModerated;
}

/** The most comments one bulk request may moderate. */
export const MAX_BULK_IDS = 500;

export const statusSchema = z.enum(['held', 'approved', 'rejected'], { error: 'status must be held, approved or rejected' });
const cursorSchema = z.string({ error: 'cursor must be text' }).max(300, 'cursor is not one this API returned').optional();
/** An empty filter (a cleared search box) is no filter. */
const optionalFilter = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
export const reviewQuerySchema = z.object({
  status: statusSchema.default('held'),
  order: z.enum(['likely-bad', 'oldest'], { error: 'order must be likely-bad or oldest' }).default('likely-bad'),
  cursor: cursorSchema,
  limit: queryInteger('limit', { min: 1, max: 200, fallback: 50 }),
  article: optionalFilter(z.string({ error: 'article must be text' }).max(256, 'article must be at most 256 characters').regex(/^[^\u0000-\u001F\u007F]+$/, 'article must be printable')),
  language: optionalFilter(z.enum(REVIEW_LANGUAGES, { error: `language must be one of ${REVIEW_LANGUAGES.join(', ')}` })),
  reason: optionalFilter(z.string({ error: 'reason must be text' }).regex(/^[a-z][a-z0-9-]{0,39}$/, 'reason must be a reason code, such as links or spam-model')),
  q: optionalFilter(z.string({ error: 'q must be text' }).trim().max(200, 'q must be at most 200 characters')),
});
export const authorQuerySchema = z.object({
  cursor: cursorSchema,
  // Up to a bulk action's worth: approve-all and spam-all act on one page.
  limit: queryInteger('limit', { min: 1, max: 500, fallback: 100 }),
});
export const actionSchema = z.object({
  action: z.enum(MODERATION_ACTIONS, { error: 'action must be approve, reject or spam' }),
  reason: z.string().trim().max(1000, 'reason must be at most 1000 characters').optional(),
  expectedStatus: statusSchema.optional(),
});
export const bulkSchema = actionSchema.extend({
  ids: z
    .array(z.uuid({ error: 'each id must be a UUID' }), { error: 'ids must be an array of comment ids' })
    .min(1, 'ids must not be empty')
    .max(MAX_BULK_IDS, `at most ${MAX_BULK_IDS} ids per request`),
});


function requireSiteAccess(user: User, siteId: string): void {
  if (!canAccessSite(user, siteId)) throw new HttpError(403, 'forbidden', `no access to site ${siteId}`);
}

/** The review queue and moderator actions. Every route needs a user; writes need CSRF with a cookie. */
export function reviewRoutes({ db, sites, keys, session, onModerated = async () => undefined }: ReviewRoutesOptions): Router {
  const router = Router();
  // Per route, not per path prefix: the public thread and intake share /api/v1/sites.
  const signedIn: RequestHandler[] = [session, authenticate(db)];
  const signedInWrite: RequestHandler[] = [...signedIn, requireCsrf];

  /**
   * The comment's lower-cased id and site once it is known to exist on a
   * site the user works on. A comment of another site is "not found", as in
   * a bulk action: a 403 would tell that the id is real.
   */
  const accessibleComment = async (user: User, rawId: unknown): Promise<{ id: string; siteId: string }> => {
    const id = String(rawId).toLowerCase();
    const comment = isUuid(id) ? await findCommentSite(db, id) : undefined;
    if (!comment || !canAccessSite(user, comment.siteId)) throw notFound('comment');
    return { id, siteId: comment.siteId };
  };
  const accessibleCommentId = async (user: User, rawId: unknown): Promise<string> => (await accessibleComment(user, rawId)).id;

  router.get('/api/v1/sites', signedIn, async (_req: Request, res: Response) => {
    const user = currentUser(res);
    const sites = (await listSites(db)).filter((site) => canAccessSite(user, site.id));
    const withCounts = await Promise.all(sites.map(async (site) => ({ id: site.id, name: site.name, counts: await countByStatus(db, site.id) })));
    res.json({ sites: withCounts } satisfies SitesAnswer);
  });

  const accessibleSiteId = async (user: User, rawSiteId: unknown): Promise<string> => {
    const siteId = String(rawSiteId);
    // Sites are never deleted: one in memory exists. The directory answers an id
    // it did not know as unknown for a moment, so that is asked of Postgres.
    if (!(await sites.find(siteId)) && !(await findSite(db, siteId))) throw notFound('site');
    requireSiteAccess(user, siteId);
    return siteId;
  };

  router.get('/api/v1/sites/:siteId/review', signedIn, async (req: Request, res: Response) => {
    const siteId = await accessibleSiteId(currentUser(res), req.params.siteId);
    const { article, language, reason, q, ...query } = parseOrThrow(reviewQuerySchema, req.query, 'query');
    res.json(await listReviewQueue(db, { siteId, ...query, filters: { articleId: article, language, reason, search: q } }));
  });

  // Apart from the page, and capped: counting a large queue costs more than reading a page of it.
  router.get('/api/v1/sites/:siteId/review/counts', signedIn, async (req: Request, res: Response) => {
    const siteId = await accessibleSiteId(currentUser(res), req.params.siteId);
    res.json({ ...(await countByStatus(db, siteId)), cap: COUNT_CAP } satisfies ReviewCounts);
  });

  router.post('/api/v1/comments/moderation', signedInWrite, async (req: Request, res: Response) => {
    const user = currentUser(res);
    const input = parseOrThrow(bulkSchema, req.body, 'body');
    const moderated = await moderateComments(db, {
      ids: input.ids.map((id) => id.toLowerCase()),
      action: input.action,
      reason: input.reason ?? null,
      expectedStatus: input.expectedStatus,
      actor: user.id,
      mayModerate: (siteId) => canAccessSite(user, siteId),
    });
    await onModerated(moderated, input.action);
    res.json({ comments: moderated.map(({ id, status }) => ({ id, status })) } satisfies BulkModerated);
  });

  router.post('/api/v1/comments/:id/moderation', signedInWrite, async (req: Request, res: Response) => {
    const user = currentUser(res);
    const id = await accessibleCommentId(user, req.params.id);
    const input = parseOrThrow(actionSchema, req.body, 'body');
    const [moderated] = await moderateComments(db, {
      ids: [id],
      action: input.action,
      reason: input.reason ?? null,
      expectedStatus: input.expectedStatus,
      actor: user.id,
      mayModerate: (siteId) => canAccessSite(user, siteId),
    });
    await onModerated([moderated!], input.action);
    res.json({ id: moderated!.id, status: moderated!.status } satisfies Moderated);
  });

  // Addressed by one of the author's comments, so the keyed email hash never reaches the browser.
  router.get('/api/v1/comments/:id/author-comments', signedIn, async (req: Request, res: Response) => {
    const { id, siteId } = await accessibleComment(currentUser(res), req.params.id);
    const query = parseOrThrow(authorQuerySchema, req.query, 'query');
    res.json(await listAuthorComments(db, { siteId, commentId: id, ...query }));
  });

  router.get('/api/v1/comments/:id/history', signedIn, async (req: Request, res: Response) => {
    const id = await accessibleCommentId(currentUser(res), req.params.id);
    res.json({ events: await listCommentHistory(db, id) } satisfies HistoryAnswer);
  });

  router.post('/api/v1/comments/:id/reveal-email', signedInWrite, async (req: Request, res: Response) => {
    const user = currentUser(res);
    const id = await accessibleCommentId(user, req.params.id);
    if (user.role !== 'admin') throw new HttpError(403, 'forbidden', 'only an admin can reveal an email');
    const sealed = await revealSealedEmail(db, id, user.id);
    if (!sealed) throw notFound('comment');
    res.set('Cache-Control', 'no-store').json({ id, email: keys.decryptEmail(sealed) } satisfies RevealedEmail);
  });

  return router;
}
