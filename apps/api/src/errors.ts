import type { ErrorRequestHandler } from 'express';
import type { Logger } from '@moderato/config';
import {
  CommentsNotFoundError,
  InvalidCursorError,
  isDatabaseUnavailable,
  isStatementTimeout,
  loggableDatabaseError,
  QaAlreadyReviewedError,
  QaSampleNotFoundError,
  StaleStatusError,
} from '@moderato/db';
import { isRedisUnavailable } from '@moderato/queue';
import type { ErrorAnswer } from './openapi/answer-schema';

/** An error the API answers with its own status and a JSON body naming what went wrong. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);
export const invalidField = (field: string, message: string) => new HttpError(400, 'invalid_field', message, field);
/** Postgres cancelled a statement over MODERATO_STATEMENT_TIMEOUT_MS: the work, not the input, is too large. */
export const queryTimeout = () => new HttpError(503, 'query_timeout', 'the database took too long to answer; try again, or ask for less');
export const unavailable = (what: string) =>
  new HttpError(503, 'service_unavailable', `${what} is unavailable; try again shortly`);

/**
 * For a `.catch()` around Postgres or Redis work: a connection-level failure
 * becomes a 503 naming `what` (the client may retry, nothing was lost);
 * anything else is a bug, rethrown for the error handler to log as a 500.
 */
export const unavailableIfDown =
  (what: string) =>
  (error: unknown): never => {
    if (isDatabaseUnavailable(error) || isRedisUnavailable(error)) throw unavailable(what);
    throw error;
  };

interface BodyParserError {
  type?: string;
  status?: number;
}

// body-parser marks its errors with a `type`; each maps to one answer.
const BODY_PARSER_ERRORS: Record<string, HttpError> = {
  'entity.parse.failed': new HttpError(400, 'malformed_json', 'the request body is not valid JSON'),
  'entity.too.large': new HttpError(413, 'payload_too_large', 'the request body is larger than 64 KB'),
  'encoding.unsupported': new HttpError(415, 'unsupported_encoding', 'the content encoding is not supported'),
  'charset.unsupported': new HttpError(415, 'unsupported_charset', 'the charset must be utf-8'),
  'request.aborted': new HttpError(400, 'request_aborted', 'the request was aborted'),
  'request.size.invalid': new HttpError(400, 'request_size_invalid', 'the request size does not match its Content-Length'),
};

function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  // Redis or Postgres out of reach under middleware that does not name what it needed (the session store, rate limits).
  if (isRedisUnavailable(error)) return unavailable('Redis');
  if (isDatabaseUnavailable(error)) return unavailable('the database');
  if (isStatementTimeout(error)) return queryTimeout();
  if (error instanceof InvalidCursorError) return invalidField('cursor', error.message);
  if (error instanceof CommentsNotFoundError) return new HttpError(404, 'not_found', `no such comment: ${error.ids.slice(0, 10).join(', ')}`);
  if (error instanceof QaSampleNotFoundError) return notFound('QA sample');
  if (error instanceof QaAlreadyReviewedError) {
    return new HttpError(409, 'already_reviewed', `already checked as ${error.verdict}; to change the comment now, use the review queue`, 'verdict');
  }
  if (error instanceof StaleStatusError) {
    const now = error.conflicts.slice(0, 10).map((c) => `${c.id} is ${c.status}`).join(', ');
    return new HttpError(409, 'status_changed', `someone else moderated first: ${now}`);
  }
  const type = (error as BodyParserError | null)?.type;
  if (type && BODY_PARSER_ERRORS[type]) return BODY_PARSER_ERRORS[type];
  const status = (error as BodyParserError | null)?.status;
  if (status && status >= 400 && status < 500) return new HttpError(status, 'bad_request', 'the request could not be read');
  return undefined;
}

/**
 * What of an unexpected error is logged: its type, Postgres's own fields, and
 * the stack's frames. Not the message of any other error, which may quote the
 * input (an email, a comment) it choked on.
 */
function loggable(error: unknown) {
  // `class`, not `name` or `type`: the logger redacts any `name`, and pino's error serializer rewrites `type`.
  const stack = (error as { stack?: unknown } | null)?.stack;
  const frames = typeof stack === 'string' ? stack.split('\n').filter((line) => line.trimStart().startsWith('at ')).join('\n') : undefined;
  return { class: error instanceof Error ? error.constructor.name : typeof error, ...loggableDatabaseError(error), stack: frames };
}

/** An error as the API answers it: the status and the JSON body. */
export interface ErrorResponse {
  status: number;
  body: { error: ErrorAnswer['error'] };
}

/**
 * The one place errors become answers. Anything unexpected is a 500 whose
 * message says nothing about the input (it may hold personal data), logged
 * with the request id the client got in X-Request-Id.
 */
export function errorResponse(error: unknown, logger: Logger, request: { id?: unknown; route?: string }): ErrorResponse {
  const known = toHttpError(error);
  const answer = known ?? new HttpError(500, 'internal', 'something went wrong on our side');
  if (!known) logger.error({ reqId: request.id, err: loggable(error), route: request.route }, 'unhandled error');
  const body: ErrorAnswer['error'] = { code: answer.code, message: answer.message };
  if (answer.field) body.field = answer.field;
  return { status: answer.status, body: { error: body } };
}

/** Express's error handler: every route but the comment intake, which answers its own (intake.routes.ts). */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const { status, body } = errorResponse(error, logger, { id: req.id, route: req.route?.path });
    if (res.headersSent) return;
    res.status(status).json(body);
  };
}
