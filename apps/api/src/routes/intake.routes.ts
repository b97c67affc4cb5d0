import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import typeis from 'type-is';
import type { Logger } from '@moderato/config';
import { type AcceptedComment, type PersonalDataKeys } from '@moderato/core';
import { articleSettingsOf, type SiteDirectory } from '@moderato/db';
import type { DuplicateCheck, EnqueueOutcome } from '@moderato/queue';
import { articleIdSchema, BODY_LIMIT, intakeBodySchema, siteIdSchema } from '../comment-input';
import { errorResponse, HttpError, invalidField, notFound, unavailableIfDown } from '../errors';
import { duplicateComment } from '../guard/duplicate-guard';
import type { IntakeGuard } from '../guard/intake-guard';
import { bindIntakeRequest } from '../guard/intake-request';
import { acceptComment } from '../intake';
import { intakeCors, type IntakeCors } from '../middleware/intake-cors.middleware';
import { setIntakeHeaders } from '../middleware/intake-headers.middleware';
import { assignRequestId } from '../middleware/request-id.middleware';
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

/** What the app gives the intake besides its options: its logging, counting and proxy settings. */
export interface IntakeServices {
  logger: Logger;
  /** The access log, as for every other request. */
  logRequest: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  countAnswer?: (route: string, method: string, status: number) => void;
  /** The client address and protocol as Express works them out (the app's trust proxy setting). */
  ipOf: (req: IncomingMessage) => string | undefined;
  protocolOf: (req: IncomingMessage) => string;
}

export interface IntakeParams {
  siteId: string;
  articleId: string;
}

/** Answers one comment post, whatever happens; it never rejects. */
export type IntakeHandler = (req: IncomingMessage, res: ServerResponse, params: IntakeParams) => Promise<void>;

/** The comment post, and its CORS check for the preflight Express still routes (absent without a guard). */
export interface Intake {
  post: IntakeHandler;
  cors?: IntakeCors;
}

type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => unknown;

/**
 * Runs a connect-style middleware (body-parser's, express-rate-limit's) on a
 * plain Node request: resolves when it calls next, rejects with its error.
 * Both only read what Node's request has, apart from what intakeRequestOf
 * gives the rate limiters.
 */
function run(middleware: unknown, req: IncomingMessage, res: ServerResponse): Promise<void> {
  return new Promise((resolve, reject) => {
    const next = (error?: unknown) => (error ? reject(error) : resolve());
    Promise.resolve((middleware as NodeMiddleware)(req, res, next)).catch(reject);
  });
}

/** The 202, or an error's answer, as JSON written directly (no ETag: it means nothing to the answer of a POST). */
function sendJson(res: ServerResponse, status: number, answer: unknown): void {
  const body = JSON.stringify(answer);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

function accepted(res: ServerResponse, id: string): void {
  res.setHeader('Location', `/api/v1/comments/${id}`);
  sendJson(res, 202, { id, status: 'pending' } satisfies CommentAccepted);
}

/**
 * POST a comment, on Node's own request and answer: the hot path never
 * becomes an Express request, whose set-up alone cost more CPU than the rest
 * of a post (docs/performance.md). In order: the intake's headers, request
 * id, access log and count; the checks at the door (CORS, rate limits); the
 * JSON body, parsed only then and validated in one pass; the bot trap; then
 * the comment is sealed and queued: 202 once the job is in Redis.
 */
export function createIntake({ sites, keys, enqueue, guard }: IntakeRoutesOptions, { logger, logRequest, countAnswer, ipOf, protocolOf }: IntakeServices): Intake {
  const parseJson = express.json({ limit: BODY_LIMIT, strict: true });
  const cors = guard ? intakeCors({ sites, protocolOf }) : undefined;
  const limits = guard?.limits ?? [];
  const noop = () => undefined;

  const accept = async (req: IncomingMessage & { body?: unknown }, res: ServerResponse, params: IntakeParams, ip: string | undefined) => {
    if (!typeis(req, ['application/json'])) {
      throw new HttpError(415, 'unsupported_media_type', 'send the comment as Content-Type: application/json');
    }
    await run(parseJson, req, res);
    // An id no site could have is simply an unknown site.
    const site = siteIdSchema.safeParse(params.siteId).success ? await sites.find(params.siteId) : undefined;
    if (!site) throw notFound('site');
    const articleId = parseOrThrow(articleIdSchema, params.articleId, 'path', 'articleId');
    if (articleSettingsOf(site, articleId).closed) throw new HttpError(403, 'article_closed', 'comments on this article are closed');
    const { formToken, website, ...input } = parseOrThrow(intakeBodySchema, req.body, 'body');
    if (input.body.length > site.settings.maxBodyLength) {
      throw invalidField('body', `body must be at most ${site.settings.maxBodyLength} characters`);
    }
    // A trapped bot gets the same answer as everyone, and nothing is queued.
    if (await guard?.botTrap.check(site.id, articleId, { formToken, website })) return accepted(res, randomUUID());
    const comment = acceptComment(input, { siteId: site.id, articleId, ip, acceptedAt: new Date() }, keys);
    const outcome = await enqueue(comment, guard?.duplicates?.checkFor(comment)).catch(unavailableIfDown('the comment queue'));
    if (outcome === 'duplicate') throw duplicateComment();
    accepted(res, comment.id);
  };

  const post: IntakeHandler = async (req, res, params) => {
    setIntakeHeaders(res);
    assignRequestId(req, res);
    logRequest(req, res, noop);
    if (countAnswer) res.once('finish', () => countAnswer(INTAKE_PATH, 'POST', res.statusCode));
    try {
      const ip = ipOf(req);
      if (cors && (await cors(req, res, params.siteId)) === 'answered') return;
      // The limiters' key generators are handed only the request.
      if (limits.length > 0) bindIntakeRequest(req, { siteId: params.siteId, ip });
      for (const limit of limits) await run(limit, req, res);
      await accept(req, res, params, ip);
    } catch (error) {
      const { status, body } = errorResponse(error, logger, { id: req.id, route: INTAKE_PATH });
      if (!res.headersSent) sendJson(res, status, body);
    }
  };

  return { post, cors };
}
