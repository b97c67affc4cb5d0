import { randomUUID } from 'node:crypto';
import express, { type RequestHandler, type Response } from 'express';
import { type AcceptedComment, type PersonalDataKeys } from '@moderato/core';
import { articleSettingsOf, type SiteDirectory } from '@moderato/db';
import type { DuplicateCheck, EnqueueOutcome } from '@moderato/queue';
import { articleIdSchema, BODY_LIMIT, intakeBodySchema, siteIdSchema } from '../comment-input';
import { HttpError, invalidField, notFound, unavailableIfDown } from '../errors';
import { duplicateComment } from '../guard/duplicate-guard';
import type { IntakeGuard } from '../guard/intake-guard';
import { acceptComment } from '../intake';
import { parseOrThrow } from '../validate';
import type { CommentAccepted } from './comments.openapi';

export const INTAKE_PATH = '/api/v1/sites/:siteId/articles/:articleId/comments';

export interface IntakeRoutesOptions {
  sites: SiteDirectory;
  keys: PersonalDataKeys;
  /** Puts an accepted comment on the scoring queue, unless the duplicate check finds it there already; rejects when Redis is unreachable. */
  enqueue: (comment: AcceptedComment, duplicates?: DuplicateCheck) => Promise<EnqueueOutcome>;
  /** CORS, rate limits, bot traps and duplicate checks; none when absent. */
  guard?: IntakeGuard;
}

/** The comment intake's handler chains; the app mounts them ahead of everything else. */
export interface IntakeHandlers {
  post: RequestHandler[];
  /** The CORS preflight; absent without a guard. */
  preflight?: RequestHandler[];
}

const requireJson: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', 'send the comment as Content-Type: application/json');
  }
  next();
};

/**
 * The 202, written directly: res.json's ETag (a hash of the body) and
 * content negotiation mean nothing to the answer of a POST.
 */
function accepted(res: Response, id: string): void {
  const body = JSON.stringify({ id, status: 'pending' } satisfies CommentAccepted);
  res.statusCode = 202;
  res.setHeader('Location', `/api/v1/comments/${id}`);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/**
 * POST a comment: checks at the door (CORS, rate limits), then the JSON body
 * (parsed here, after those checks, and validated in one pass), the bot
 * trap, then the comment is sealed and queued: 202 once the job is in Redis.
 */
export function intakeHandlers({ sites, keys, enqueue, guard }: IntakeRoutesOptions): IntakeHandlers {
  const parseJson = express.json({ limit: BODY_LIMIT, strict: true });
  const doorChecks = guard ? [guard.cors, ...guard.limits] : [];

  const accept: RequestHandler = async (req, res) => {
    const siteId = String(req.params.siteId);
    // An id no site could have is simply an unknown site.
    const site = siteIdSchema.safeParse(siteId).success ? await sites.find(siteId) : undefined;
    if (!site) throw notFound('site');
    const articleId = parseOrThrow(articleIdSchema, req.params.articleId, 'path', 'articleId');
    if (articleSettingsOf(site, articleId).closed) throw new HttpError(403, 'article_closed', 'comments on this article are closed');
    const { formToken, website, ...input } = parseOrThrow(intakeBodySchema, req.body, 'body');
    if (input.body.length > site.settings.maxBodyLength) {
      throw invalidField('body', `body must be at most ${site.settings.maxBodyLength} characters`);
    }
    // A trapped bot gets the same answer as everyone, and nothing is queued.
    if (await guard?.botTrap.check(site.id, articleId, { formToken, website })) {
      return accepted(res, randomUUID());
    }
    const comment = acceptComment(input, { siteId: site.id, articleId, ip: req.ip, acceptedAt: new Date() }, keys);
    const outcome = await enqueue(comment, guard?.duplicates?.checkFor(comment)).catch(unavailableIfDown('the comment queue'));
    if (outcome === 'duplicate') throw duplicateComment();
    accepted(res, comment.id);
  };

  return {
    post: [...doorChecks, requireJson, parseJson, accept],
    preflight: guard ? [guard.cors] : undefined,
  };
}
