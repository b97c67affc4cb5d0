import type { Job } from 'bullmq';
import type { ScoreCommentQueue } from './score-comment.queue';

/**
 * A job BullMQ gave up on: what an admin needs to decide between retry and
 * discard. Never the payload itself: it holds the comment and the sealed email.
 */
export interface DeadLetter {
  id: string;
  failedReason: string;
  attemptsMade: number;
  /** When the comment was queued, first tried, and failed for good (ISO). */
  queuedAt: string | null;
  processedAt: string | null;
  failedAt: string | null;
  siteId: string | null;
  articleId: string | null;
}

const iso = (ms: number | undefined | null) => (typeof ms === 'number' && ms > 0 ? new Date(ms).toISOString() : null);
// A poison payload may have any shape: take short strings only.
const label = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : null);

function toDeadLetter(job: Job): DeadLetter {
  const comment = (job.data as { comment?: { siteId?: unknown; articleId?: unknown } } | null)?.comment;
  return {
    id: String(job.id),
    failedReason: (job.failedReason ?? '').slice(0, 1000),
    attemptsMade: job.attemptsMade,
    queuedAt: iso(job.timestamp),
    processedAt: iso(job.processedOn),
    failedAt: iso(job.finishedOn),
    siteId: label(comment?.siteId),
    articleId: label(comment?.articleId),
  };
}

/** One page of the failed set, newest failures first, and the total. */
export async function listDeadLetters(queue: ScoreCommentQueue, page: { offset: number; limit: number }): Promise<{ deadLetters: DeadLetter[]; total: number }> {
  const [jobs, total] = await Promise.all([queue.getFailed(page.offset, page.offset + page.limit - 1), queue.getFailedCount()]);
  return { deadLetters: jobs.filter((job) => Boolean(job)).map((job) => toDeadLetter(job as Job)), total };
}

async function failedJob(queue: ScoreCommentQueue, id: string): Promise<Job | undefined> {
  const job = (await queue.getJob(id)) as Job | undefined;
  return job && (await job.isFailed()) ? job : undefined;
}

/** Puts a dead letter back on the queue with fresh attempts; false when there is no such failed job. */
export async function retryDeadLetter(queue: ScoreCommentQueue, id: string): Promise<boolean> {
  const job = await failedJob(queue, id);
  if (!job) return false;
  await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
  return true;
}

/** Removes a dead letter for good (with the comment it carried); false when there is no such failed job. */
export async function discardDeadLetter(queue: ScoreCommentQueue, id: string): Promise<boolean> {
  const job = await failedJob(queue, id);
  if (!job) return false;
  await job.remove();
  return true;
}

// One audit row per batch: small enough for one short insert, large enough that a backlog takes few.
const EXPIRY_BATCH = 500;

/**
 * Removes dead letters that failed before `before` (retention), oldest
 * first, in batches. `record` gets each batch's ids before it is removed,
 * so no removal goes unaudited; when it throws, nothing more is removed.
 * Returns how many were removed.
 */
export async function expireDeadLetters(queue: ScoreCommentQueue, before: Date, record: (jobIds: string[]) => Promise<void>): Promise<number> {
  let expired = 0;
  for (;;) {
    const oldest = (await queue.getJobs(['failed'], 0, EXPIRY_BATCH - 1, true)) as Array<Job | undefined>;
    const due = oldest.filter((job): job is Job => job !== undefined && (job.finishedOn ?? 0) < before.getTime());
    if (due.length === 0) return expired;
    await record(due.map((job) => String(job.id)));
    // clean removes only jobs still failed (an admin may have retried one meanwhile), atomically.
    const removed = await queue.clean(Math.max(0, Date.now() - before.getTime()), due.length, 'failed');
    expired += removed.length;
    if (removed.length === 0 || due.length < oldest.length || oldest.length < EXPIRY_BATCH) return expired;
  }
}
