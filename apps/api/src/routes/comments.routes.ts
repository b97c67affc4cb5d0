import { Router } from 'express';
import type { Kysely } from 'kysely';
import { isUuid } from '@moderato/core';
import { findCommentStatus, listApprovedThread, type Database, type Site, type SiteDirectory } from '@moderato/db';
import { articleIdSchema, siteIdSchema, threadQuerySchema } from '../comment-input';
import { notFound, unavailableIfDown } from '../errors';
import { parseOrThrow } from '../validate';
import type { CommentStatusAnswer } from './comments.openapi';

export interface CommentsRoutesOptions {
  sites: SiteDirectory;
  db: Kysely<Database>;
  /** Whether a comment is still on the queue (waiting, running, retrying). */
  isQueued: (commentId: string) => Promise<boolean>;
}

/** The public reads of comments: an article's approved thread, and one comment's status. The intake is in intake.routes.ts. */
export function commentsRoutes({ sites, db, isQueued }: CommentsRoutesOptions): Router {
  const router = Router();

  const findSiteOrThrow = async (params: Record<string, unknown>): Promise<{ site: Site; articleId: string }> => {
    const siteId = String(params.siteId);
    // An id no site could have is simply an unknown site.
    const site = siteIdSchema.safeParse(siteId).success ? await sites.find(siteId) : undefined;
    if (!site) throw notFound('site');
    const articleId = parseOrThrow(articleIdSchema, params.articleId, 'path', 'articleId');
    return { site, articleId };
  };

  router.get('/api/v1/sites/:siteId/articles/:articleId/comments', async (req, res) => {
    const { site, articleId } = await findSiteOrThrow(req.params);
    const query = parseOrThrow(threadQuerySchema, req.query, 'query');
    const page = await listApprovedThread(db, { siteId: site.id, articleId, ...query });
    res.json(page);
  });

  router.get('/api/v1/comments/:id', async (req, res) => {
    if (!isUuid(req.params.id)) throw notFound('comment');
    const id = req.params.id.toLowerCase();
    const stored = await findCommentStatus(db, id);
    if (stored) return void res.json({ id, status: stored } satisfies CommentStatusAnswer);
    const queued = await isQueued(id).catch(unavailableIfDown('the comment queue'));
    if (queued) return void res.json({ id, status: 'pending' } satisfies CommentStatusAnswer);
    // The job may have finished between the two look-ups.
    const decided = await findCommentStatus(db, id);
    if (decided) return void res.json({ id, status: decided } satisfies CommentStatusAnswer);
    throw notFound('comment');
  });

  return router;
}
