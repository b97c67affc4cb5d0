import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Router, type RequestHandler } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '@moderato/db';
import type { ScoreCommentQueue } from '@moderato/queue';
import { authenticate } from '../auth/authenticate';
import { currentUser } from '../auth/current-user';
import { HttpError } from '../errors';

export interface QueueBoardRoutesOptions {
  queue: ScoreCommentQueue;
  db: Kysely<Database>;
  /** The dashboard session middleware (cookie → req.session). */
  session: RequestHandler;
}

export const QUEUE_BOARD_PATH = '/admin/queues';

// Job payloads hold comment text and sealed emails: admins only, not site owners or moderators.
const adminsOnly: RequestHandler = (_req, res, next) => {
  if (currentUser(res).role !== 'admin') throw new HttpError(403, 'forbidden', 'the queue view is for admins');
  next();
};

// The board's writes (empty, obliterate, clean, retry, edit a job's data) would
// change the only copy of accepted comments with no audit row, and its UI sends
// no CSRF token: every write goes through the audited dead-letters API instead.
// readOnlyMode already refuses them per queue; this also covers the board-wide
// routes (pause all) and any route a later Bull Board version adds.
const readsOnly: RequestHandler = (req, _res, next) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new HttpError(405, 'queue_board_read_only', 'the queue view is read-only; retry or discard dead letters through /api/v1/admin/dead-letters');
  }
  next();
};

/**
 * BullMQ's own queue view (waiting, active, delayed, failed = dead letters)
 * at /admin/queues, read-only, for admins signed in by session or API token.
 */
export function queueBoardRoutes({ queue, db, session }: QueueBoardRoutesOptions): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  const adapter = new BullMQAdapter(queue, { readOnlyMode: true, allowRetries: false });
  // @bull-board/express 9.10.1 carries its own copy of @bull-board/api 9.10.1 next to our 9.10.2:
  // the same shapes, declared twice, so TypeScript needs telling.
  createBullBoard({ queues: [adapter], serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'] });
  const router = Router();
  router.use(QUEUE_BOARD_PATH, session, authenticate(db), adminsOnly, readsOnly, serverAdapter.getRouter() as RequestHandler);
  return router;
}
