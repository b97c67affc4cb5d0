import { randomUUID } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import type { Kysely } from 'kysely';
import { isUuid, type AcceptedComment, type PersonalDataKeys } from '@moderato/core';
import { articleSettingsOf, findCommentStatus, listApprovedThread, type Database, type Site, type SiteDirectory } from '@moderato/db';
import { articleIdSchema, newCommentSchema, siteIdSchema, threadQuerySchema } from '../comment-input';
import { HttpError, invalidField, notFound, unavailableIfDown } from '../errors';
import { formEvidenceSchema } from '../guard/bot-trap';
import type { IntakeGuard } from '../guard/intake-guard';
import { acceptComment } from '../intake';
import { parseOrThrow } from '../validate';
import type { CommentAccepted, CommentStatusAnswer } from './comments.openapi';

export interface CommentsRoutesOptions {
  sites: SiteDirectory;
  keys: PersonalDataKeys;
  db: Kysely<Database>;
  /** Puts an accepted comment on the scoring queue; rejects when Redis is unreachable. */
  enqueue: (comment: AcceptedComment) => Promise<void>;
  /** Whether a comment is still on the queue (waiting, running, retrying). */
  isQueued: (commentId: string) => Promise<boolean>;
  /** CORS, rate limits, bot traps and duplicate checks; none when absent. */
  guard?: IntakeGuard;
}


const requireJson: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', 'send the comment as Content-Type: application/json');
  }
  next();
};

export function commentsRoutes({ sites, keys, db, enqueue, isQueued, guard }: CommentsRoutesOptions): Router {
  const router = Router();

  const findSiteOrThrow = async (params: Record<string, unknown>): Promise<{ site: Site; articleId: string }> => {
    const siteId = String(params.siteId);
    // An id no site could have is simply an unknown site.
    const site = siteIdSchema.safeParse(siteId).success ? await sites.find(siteId) : undefined;
    if (!site) throw notFound('site');
    const articleId = parseOrThrow(articleIdSchema, params.articleId, 'path', 'articleId');
    return { site, articleId };
  };

  const intakePath = '/api/v1/sites/:siteId/articles/:articleId/comments';
  const doorChecks = guard ? [guard.cors, ...guard.limits] : [];
  if (guard) router.options(intakePath, guard.cors);

  router.post(intakePath, ...doorChecks, requireJson, async (req, res) => {
    const { site, articleId } = await findSiteOrThrow(req.params);
    if (articleSettingsOf(site, articleId).closed) throw new HttpError(403, 'article_closed', 'comments on this article are closed');
    const input = parseOrThrow(newCommentSchema, req.body, 'body');
    const evidence = formEvidenceSchema.parse(req.body);
    if (input.body.length > site.settings.maxBodyLength) {
      throw invalidField('body', `body must be at most ${site.settings.maxBodyLength} characters`);
    }
    // A trapped bot gets the same answer as everyone, and nothing is queued.
    if (await guard?.botTrap.check(site.id, articleId, evidence)) {
      const id = randomUUID();
      return void res.status(202).location(`/api/v1/comments/${id}`).json({ id, status: 'pending' } satisfies CommentAccepted);
    }
    const comment = acceptComment(input, { siteId: site.id, articleId, ip: req.ip, acceptedAt: new Date() }, keys);
    const release = await guard?.duplicates?.claim(comment);
    try {
      await enqueue(comment);
    } catch (error) {
      await release?.();
      unavailableIfDown('the comment queue')(error);
    }
    res.status(202).location(`/api/v1/comments/${comment.id}`).json({ id: comment.id, status: 'pending' } satisfies CommentAccepted);
  });

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
