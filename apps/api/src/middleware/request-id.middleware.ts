import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/**
 * Gives every request an id, sent back in X-Request-Id and carried by its log
 * lines (the access log's and an error's), so the 500 a user reports can be
 * found in the logs. Ours, never the client's: a log line must not carry text
 * a client chose.
 */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): void {
  req.id = randomUUID();
  res.setHeader('X-Request-Id', req.id);
}

export const requestId: RequestHandler = (req, res, next) => {
  assignRequestId(req, res);
  next();
};
