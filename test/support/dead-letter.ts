import { UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { SCORE_COMMENT_JOB, SCORE_COMMENT_JOB_OPTIONS, SCORE_COMMENT_QUEUE, type ScoreCommentPayload, type ScoreCommentQueue } from '@moderato/queue';

/**
 * Puts one job straight into the failed set (a dead letter) by running a
 * worker that refuses it. Call while no other worker serves the queue.
 */
export async function givenDeadLetter(queue: ScoreCommentQueue, connection: Redis, prefix: string, payload: ScoreCommentPayload): Promise<string> {
  const id = payload.comment.id;
  const workerConnection = connection.duplicate({ maxRetriesPerRequest: null });
  const refuser = new Worker(SCORE_COMMENT_QUEUE, async () => {
    throw new UnrecoverableError('refused by the test');
  }, { connection: workerConnection, prefix });
  const failed = new Promise<void>((resolve) => refuser.on('failed', (job) => job?.id === id && resolve()));
  await queue.add(SCORE_COMMENT_JOB, payload, { ...SCORE_COMMENT_JOB_OPTIONS, jobId: id });
  await failed;
  await refuser.close();
  workerConnection.disconnect();
  return id;
}
