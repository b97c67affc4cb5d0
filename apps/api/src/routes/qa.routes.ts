import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { actionForVerdict, estimateBadShare, isUuid, QA_LIST_STATUSES, QA_VERDICTS } from '@moderato/core';
import { countQaWeeks, listQaSamples, recordQaVerdict, type Database, type Site, type User } from '@moderato/db';
import { authenticate } from '../auth/authenticate';
import { requireCsrf } from '../auth/csrf';
import { currentUser } from '../auth/current-user';
import { siteForUser } from '../auth/site-access';
import { notFound } from '../errors';
import { parseOrThrow, queryInteger } from '../validate';
import type { OnModerated } from '../webhooks/moderation-webhooks';
import type { QaListAnswer } from './qa.openapi';

export interface QaRoutesOptions {
  db: Kysely<Database>;
  /** The dashboard session middleware (cookie → req.session). */
  session: RequestHandler;
  /** Told of the comments a spam or toxic verdict unpublished, once committed (webhook events). */
  onModerated?: OnModerated;
}

/** Two years of weeks at most: each is one index range scan. */
const MAX_WEEKS = 104;

export const qaQuerySchema = z.object({
  status: z.enum(QA_LIST_STATUSES, { error: 'status must be pending, reviewed or all' }).default('pending'),
  cursor: z.string().max(300).optional(),
  limit: queryInteger('limit', { min: 1, max: 200, fallback: 50 }),
  weeks: queryInteger('weeks', { min: 1, max: MAX_WEEKS, fallback: 12 }),
});
export const verdictSchema = z.object({ verdict: z.enum(QA_VERDICTS, { error: 'verdict must be ok, spam or toxic' }) }).strict();

/**
 * The QA list: auto-approved comments drawn at the site's qaSampleRate, for
 * anyone working on the site (moderators included: they do the checking),
 * and the share of bad comments among auto-approved ones it estimates.
 */
export function qaRoutes({ db, session, onModerated = async () => undefined }: QaRoutesOptions): Router {
  const router = Router();
  const signedIn: RequestHandler[] = [session, authenticate(db)];
  const signedInWrite: RequestHandler[] = [...signedIn, requireCsrf];

  // QA is for everyone working on the site: moderators check the samples.
  const accessibleSite = (user: User, rawSiteId: unknown): Promise<Site> => siteForUser(db, user, rawSiteId, 'work');

  router.get('/api/v1/sites/:siteId/qa', signedIn, async (req: Request, res: Response) => {
    const site = await accessibleSite(currentUser(res), req.params.siteId);
    const { weeks, ...query } = parseOrThrow(qaQuerySchema, req.query, 'query');
    const [page, counts] = await Promise.all([listQaSamples(db, { siteId: site.id, ...query }), countQaWeeks(db, { siteId: site.id, weeks })]);
    res.json({ samples: page.samples, next: page.next, estimate: estimateBadShare(counts), sampleRate: site.settings.qaSampleRate } satisfies QaListAnswer);
  });

  router.post('/api/v1/sites/:siteId/qa/:commentId', signedInWrite, async (req: Request, res: Response) => {
    const user = currentUser(res);
    const site = await accessibleSite(user, req.params.siteId);
    const commentId = String(req.params.commentId).toLowerCase();
    if (!isUuid(commentId)) throw notFound('QA sample');
    const { verdict } = parseOrThrow(verdictSchema, req.body, 'body');
    const { sample, moderated } = await recordQaVerdict(db, { siteId: site.id, commentId, verdict, actor: user.id });
    const action = actionForVerdict(verdict);
    if (action) await onModerated(moderated, action);
    res.json(sample);
  });

  return router;
}
