import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { recordQueueEvent, type Database } from '@moderato/db';
import { discardDeadLetter, listDeadLetters, retryDeadLetter, type ScoreCommentQueue } from '@moderato/queue';
import { authenticate } from '../auth/authenticate';
import { requireCsrf } from '../auth/csrf';
import { currentUser } from '../auth/current-user';
import { HttpError, notFound, unavailableIfDown } from '../errors';
import { parseOrThrow, queryInteger } from '../validate';
import type { DeadLetterDiscarded, DeadLetterRetried } from './dead-letters.openapi';

export interface DeadLettersRoutesOptions {
  db: Kysely<Database>;
  queue: ScoreCommentQueue;
  /** The dashboard session middleware (cookie → req.session). */
  session: RequestHandler;
}

export const deadLetterPageSchema = z.object({
  offset: z.coerce.number({ error: 'offset must be a number' }).int().min(0, 'offset must be at least 0').max(1_000_000).default(0),
  limit: queryInteger('limit', { min: 1, max: 200, fallback: 50 }),
});
// Job ids are comment ids; anything else cannot name a job of ours.
export const JOB_ID = /^[A-Za-z0-9-]{1,100}$/;

/** A Redis outage is a 503: nothing changed, the admin can try again. */
const fromQueue = <T>(work: Promise<T>): Promise<T> => work.catch(unavailableIfDown('the comment queue'));

/**
 * Jobs that failed for good (BullMQ's failed set): admins list them, retry
 * them once the cause is fixed, or discard them. Sessions need CSRF on writes;
 * every write leaves a queue_events row. The only way to change the queue by
 * hand: the queue board at /admin/queues is read-only.
 */
export function deadLettersRoutes({ db, queue, session }: DeadLettersRoutesOptions): Router {
  const router = Router();
  const signedIn: RequestHandler[] = [session, authenticate(db)];
  const signedInWrite: RequestHandler[] = [...signedIn, requireCsrf];
  const requireAdmin = (res: Response) => {
    if (currentUser(res).role !== 'admin') throw new HttpError(403, 'forbidden', 'only an admin can manage dead letters');
  };
  const jobId = (req: Request) => {
    const id = String(req.params.id);
    if (!JOB_ID.test(id)) throw notFound('dead letter');
    return id;
  };

  router.get('/api/v1/admin/dead-letters', signedIn, async (req: Request, res: Response) => {
    requireAdmin(res);
    const page = parseOrThrow(deadLetterPageSchema, req.query, 'query');
    res.set('Cache-Control', 'no-store').json(await fromQueue(listDeadLetters(queue, page)));
  });

  // The audit row is written first, in a transaction the queue change must
  // succeed for: a missing job or a Redis error rolls it back, and with
  // Postgres down the change is never made.
  const audited = (action: 'retry' | 'discard', change: (queue: ScoreCommentQueue, id: string) => Promise<boolean>) => async (req: Request, res: Response) => {
    requireAdmin(res);
    const id = jobId(req);
    await db.transaction().execute(async (trx) => {
      await recordQueueEvent(trx, { action, jobIds: [id], actor: currentUser(res).id });
      if (!(await fromQueue(change(queue, id)))) throw notFound('dead letter');
    });
    res.json(action === 'retry' ? ({ id, retried: true } satisfies DeadLetterRetried) : ({ id, discarded: true } satisfies DeadLetterDiscarded));
  };

  router.post('/api/v1/admin/dead-letters/:id/retry', signedInWrite, audited('retry', retryDeadLetter));
  const discard = audited('discard', discardDeadLetter);
  router.post('/api/v1/admin/dead-letters/:id/discard', signedInWrite, discard);
  router.delete('/api/v1/admin/dead-letters/:id', signedInWrite, discard);

  return router;
}
