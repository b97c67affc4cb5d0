import type { ErrorRequestHandler } from 'express';
import type { Logger } from '@moderato/config';
import { CommentsNotFoundError, InvalidCursorError, isStatementTimeout, StaleStatusError } from '@moderato/db';

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
  // ioredis refuses commands while its connection is down or not yet up (the session store, rate limits).
  if (/Stream isn't writeable|Connection is closed|ECONNREFUSED/.test((error as Error | null)?.message ?? '')) return unavailable('Redis');
  if (isStatementTimeout(error)) return queryTimeout();
  if (error instanceof InvalidCursorError) return invalidField('cursor', error.message);
  if (error instanceof CommentsNotFoundError) return new HttpError(404, 'not_found', `no such comment: ${error.ids.slice(0, 10).join(', ')}`);
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
 * The one place errors become responses. Anything unexpected is a 500 whose
 * message says nothing about the input (it may hold personal data).
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const known = toHttpError(error);
    const answer = known ?? new HttpError(500, 'internal', 'something went wrong on our side');
    if (!known) logger.error({ err: { type: (error as Error)?.name, stack: (error as Error)?.stack }, route: req.route?.path }, 'unhandled error');
    if (res.headersSent) return;
    const body: { code: string; message: string; field?: string } = { code: answer.code, message: answer.message };
    if (answer.field) body.field = answer.field;
    res.status(answer.status).json({ error: body });
  };
}
