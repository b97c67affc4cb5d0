import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { AcceptedComment } from '@moderato/core';
import { testRedisUrl, uniqueQueuePrefix } from '../../../test/support/test-database';
import { createBatchedEnqueue } from './enqueue-batcher';
import { createScoreCommentQueue, enqueueScoreComment, SCORE_COMMENT_QUEUE, type ScoreCommentQueue } from './score-comment.queue';

// The one-round-trip add: the job and its duplicate key in BullMQ's script,
// and adds of one event-loop turn sent as one pipeline.
let redis: Redis;
let prefix: string;
let queue: ScoreCommentQueue;

const comment = (overrides: Partial<AcceptedComment> = {}): AcceptedComment => ({
  id: randomUUID(),
  siteId: 'blog',
  articleId: 'post-1',
  parentId: null,
  name: 'Ann',
  body: `A comment ${randomUUID()}`,
  emailEncrypted: 'v1.aaaa.bbbb.cccc',
  emailHash: 'a'.repeat(64),
  ipHash: null,
  acceptedAt: new Date().toISOString(),
  ...overrides,
});
const jobCount = () => queue.getJobCountByTypes('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed');
const duplicateKey = (id: string) => `${prefix}:${SCORE_COMMENT_QUEUE}:de:${id}`;

beforeEach(() => {
  prefix = uniqueQueuePrefix();
  queue = createScoreCommentQueue({ connection: redis, prefix });
});
beforeAll(() => {
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
});
afterEach(() => queue.close());
afterAll(() => redis.disconnect());

describe('enqueueScoreComment with a duplicate check', () => {
  it('queues the first comment and answers duplicate for a second with the same id, queueing nothing', async () => {
    const duplicates = { id: 'same-author-same-text', ttlMs: 60_000 };
    const first = comment();
    expect(await enqueueScoreComment(queue, first, duplicates)).toBe('queued');
    expect(await enqueueScoreComment(queue, comment(), duplicates)).toBe('duplicate');
    expect(await jobCount()).toBe(1);
    expect(await redis.get(duplicateKey(duplicates.id))).toBe(first.id);
  });

  it('keeps the window after the first job is done, and lets the text through once the window is over', async () => {
    const duplicates = { id: 'window', ttlMs: 1_500 };
    expect(await enqueueScoreComment(queue, comment(), duplicates)).toBe('queued');
    const workerConnection = redis.duplicate();
    const worker = new Worker(SCORE_COMMENT_QUEUE, async () => undefined, { connection: workerConnection, prefix });
    const deadline = Date.now() + 10_000;
    while ((await queue.getCompletedCount()) < 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await worker.close();
    workerConnection.disconnect();
    expect(await queue.getCompletedCount()).toBe(1);
    // Finished, and still a duplicate: the key lives for its ttl, not for the job.
    expect(await redis.pttl(duplicateKey(duplicates.id))).toBeGreaterThan(0);
    expect(await enqueueScoreComment(queue, comment(), duplicates)).toBe('duplicate');
    while ((await redis.exists(duplicateKey(duplicates.id))) === 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await enqueueScoreComment(queue, comment(), duplicates)).toBe('queued');
  });

  it('answers queued, once, for a comment added twice (the job id is the comment id)', async () => {
    const again = comment();
    const duplicates = { id: 'twice', ttlMs: 60_000 };
    expect(await enqueueScoreComment(queue, again, duplicates)).toBe('queued');
    expect(await enqueueScoreComment(queue, again, duplicates)).toBe('queued');
    expect(await jobCount()).toBe(1);
  });
});

describe('createBatchedEnqueue', () => {
  it('sends the adds of one turn together and tells each caller its own outcome', async () => {
    const sut = createBatchedEnqueue(queue);
    const duplicates = { id: 'in-one-batch', ttlMs: 60_000 };
    const outcomes = await Promise.all([sut(comment(), duplicates), sut(comment()), sut(comment(), duplicates), sut(comment())]);
    expect(outcomes).toEqual(['queued', 'queued', 'duplicate', 'queued']);
    expect(await jobCount()).toBe(3);
  });

  it('when the batch fails, adds each comment alone, so one bad job fails only its own caller', async () => {
    const sut = createBatchedEnqueue(queue);
    // BullMQ refuses a job id that is an integer: the whole addBulk throws.
    const results = await Promise.allSettled([sut(comment()), sut(comment({ id: '42' })), sut(comment())]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await jobCount()).toBe(2);
  });
});
