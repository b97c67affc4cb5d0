import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { AcceptedComment } from '@moderato/core';

export const SCORE_COMMENT_QUEUE = 'score-comment';
export const SCORE_COMMENT_JOB = 'score';

/** Bumped when the payload changes shape; workers refuse versions they do not know. */
export const PAYLOAD_VERSION = 1;

export interface ScoreCommentPayload {
  v: typeof PAYLOAD_VERSION;
  comment: AcceptedComment;
}

export const scoreCommentPayloadSchema = z.object({
  v: z.literal(PAYLOAD_VERSION),
  comment: z.object({
    id: z.string().uuid(),
    siteId: z.string().min(1),
    articleId: z.string().min(1),
    parentId: z.string().uuid().nullable(),
    name: z.string(),
    body: z.string(),
    emailEncrypted: z.string().startsWith('v1.'),
    emailHash: z.string().regex(/^[0-9a-f]{64}$/),
    ipHash: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
    acceptedAt: z.string().datetime(),
  }),
}) satisfies z.ZodType<ScoreCommentPayload>;

/**
 * The most dead letters kept. Retention expires them by age, with an audit
 * row; this cap (BullMQ trims the oldest beyond it, unaudited) only bounds
 * Redis if a flood of poison jobs outpaces the hourly retention run.
 */
export const DEAD_LETTER_CAP = 10_000;

/**
 * Retries ride out a slow or restarting Postgres: exponential backoff with
 * jitter (0.5 s, 1 s, 2 s ... about 4 minutes in all). Failed jobs are kept
 * as the dead letters an admin looks at, up to the cap, until retention.
 */
export const SCORE_COMMENT_JOB_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 500, jitter: 0.5 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { count: DEAD_LETTER_CAP },
};

/**
 * Stalled-job recovery for workers. A SIGKILLed worker's jobs come back
 * after its lock expires: 10 s instead of BullMQ's 30 s, checked every 5 s
 * (locks are renewed every 5 s while a job runs; scoring takes milliseconds).
 * Processing is idempotent, so a job may stall a few times (a worker killed,
 * then Redis restarted) before it counts as poison and is failed.
 */
export const SCORE_COMMENT_WORKER_OPTIONS = { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 5 } as const;

export type ScoreCommentQueue = Queue<ScoreCommentPayload, void, typeof SCORE_COMMENT_JOB>;

export interface ScoreCommentQueueOptions {
  connection: Redis;
  prefix: string;
}

export function createScoreCommentQueue({ connection, prefix }: ScoreCommentQueueOptions): ScoreCommentQueue {
  return new Queue<ScoreCommentPayload, void, typeof SCORE_COMMENT_JOB>(SCORE_COMMENT_QUEUE, { connection, prefix });
}

/**
 * At most one job per duplicate id within `ttlMs`: BullMQ's own deduplication
 * (its `de:<id>` key, set with the job in the add script, expiring after
 * `ttlMs` whether or not the job has finished by then).
 */
export interface DuplicateCheck {
  id: string;
  ttlMs: number;
}

export type EnqueueOutcome = 'queued' | 'duplicate';

export const scoreCommentJob = (comment: AcceptedComment, duplicates?: DuplicateCheck) => ({
  name: SCORE_COMMENT_JOB as typeof SCORE_COMMENT_JOB,
  data: { v: PAYLOAD_VERSION, comment } satisfies ScoreCommentPayload,
  opts: { ...SCORE_COMMENT_JOB_OPTIONS, jobId: comment.id, ...(duplicates ? { deduplication: { id: duplicates.id, ttl: duplicates.ttlMs } } : {}) },
});

/**
 * Queues one accepted comment in one Redis round trip. The job id is the
 * comment id, so a repeated add is dropped. With a duplicate check, a comment
 * whose duplicate id another job took within the window is not queued:
 * BullMQ answers that job's id instead of ours.
 */
export async function enqueueScoreComment(queue: ScoreCommentQueue, comment: AcceptedComment, duplicates?: DuplicateCheck): Promise<EnqueueOutcome> {
  const { name, data, opts } = scoreCommentJob(comment, duplicates);
  const job = await queue.add(name, data, opts);
  return job.id === comment.id ? 'queued' : 'duplicate';
}

/** True while the comment waits, runs, is delayed for a retry, or failed for good. */
export async function isCommentQueued(queue: ScoreCommentQueue, commentId: string): Promise<boolean> {
  const job = await queue.getJob(commentId);
  return job !== undefined && job !== null;
}
