import { randomUUID } from 'node:crypto';
import { Job } from 'bullmq';
import { Redis } from 'ioredis';
import { createPersonalDataKeys, type AcceptedComment } from '@moderato/core';
import { createScoreCommentQueue, enqueueScoreComment, PAYLOAD_VERSION, type ScoreCommentQueue } from '@moderato/queue';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../test/support/test-database';
import { ABUSIVE_COMMENT, CLEAN_COMMENT, givenSite, SPAM_COMMENT, TEST_SECRET } from '../../../test/support/fixtures';
import { eventually } from '../../../test/support/eventually';
import { startWorkerUnderTest } from '../../../test/support/worker-under-test';
import type { LogCapture } from '../../../test/support/api-under-test';
import type { RunningWorker } from './worker';

const keys = createPersonalDataKeys(TEST_SECRET);
const EMAIL = 'worker.test@example.org';

let testDb: TestDatabase;
let redis: Redis;
let queue: ScoreCommentQueue;
let worker: { sut: RunningWorker; logs: LogCapture };

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
  await givenSite(testDb.db, 'strict', { premoderate: true });
  const prefix = uniqueQueuePrefix();
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  queue = createScoreCommentQueue({ connection: redis, prefix });
  worker = await startWorkerUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: prefix });
});

afterAll(async () => {
  await worker.sut.close();
  await queue.close();
  redis.disconnect();
  await testDb.close();
});

function accepted(body: string, siteId = 'blog'): AcceptedComment {
  return {
    id: randomUUID(),
    siteId,
    articleId: 'post-1',
    parentId: null,
    name: 'Ann',
    body,
    emailEncrypted: keys.encryptEmail(EMAIL),
    emailHash: keys.hashEmail(EMAIL),
    ipHash: keys.hashIp('203.0.113.7'),
    acceptedAt: new Date().toISOString(),
  };
}

const statusOf = async (id: string) =>
  (await testDb.db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirst())?.status;

async function failedJob(id: string): Promise<Job | undefined> {
  const job = await queue.getJob(id);
  // In the failed set a moment before its hash records the attempt: wait for both.
  return job && (await job.isFailed()) && job.finishedOn && job.failedReason ? job : undefined;
}

it.each([
  ['approves a clean comment', CLEAN_COMMENT, 'blog', ['approved']],
  ['keeps blatant spam out of the thread', SPAM_COMMENT, 'blog', ['held', 'rejected']],
  ['keeps blatant abuse out of the thread', ABUSIVE_COMMENT, 'blog', ['held', 'rejected']],
  ['holds even a clean comment on a premoderated site', CLEAN_COMMENT, 'strict', ['held']],
])('%s', async (_what, body, siteId, expected) => {
  const comment = accepted(body, siteId);
  await enqueueScoreComment(queue, comment);
  const status = await eventually(() => statusOf(comment.id), 5_000, 'the decision');
  expect(expected).toContain(status);
});

it('records scores, reasons, thresholds and model version with the decision', async () => {
  const comment = accepted(SPAM_COMMENT);
  await enqueueScoreComment(queue, comment);
  await eventually(() => statusOf(comment.id));
  const row = await testDb.db.selectFrom('comments').selectAll().where('id', '=', comment.id).executeTakeFirstOrThrow();
  expect(row.spam_score).toBeGreaterThan(0.5);
  expect(row.reasons.map((r) => r.code)).toContain('spam-model');
  expect(row.thresholds).toEqual({ spam: { approveBelow: 0.3, rejectAbove: 0.95 }, toxicity: { approveBelow: 0.09, rejectAbove: 0.95 } });
  expect(row.model_version).toMatch(/\S/);
  expect(row.email_encrypted).not.toContain(EMAIL);
  expect(keys.decryptEmail(row.email_encrypted)).toBe(EMAIL);
  expect(row.decided_at.getTime()).toBeGreaterThanOrEqual(row.created_at.getTime());
});

it('leaves one row and one audit row when the same comment is processed twice', async () => {
  const comment = accepted(CLEAN_COMMENT);
  await enqueueScoreComment(queue, comment);
  await eventually(() => statusOf(comment.id));
  // A second job for the same comment, as after a crash between commit and ack.
  await queue.add('score', { v: PAYLOAD_VERSION, comment }, { jobId: `${comment.id}-again` });
  await eventually(async () => ((await queue.getJob(`${comment.id}-again`))?.finishedOn ? true : undefined));

  const rows = await testDb.db.selectFrom('comments').select('id').where('id', '=', comment.id).execute();
  const events = await testDb.db.selectFrom('comment_events').select('id').where('comment_id', '=', comment.id).execute();
  expect(rows).toHaveLength(1);
  expect(events).toHaveLength(1);
});

it('fails a payload that can never succeed at once, without retries, and without personal data in the reason', async () => {
  const id = randomUUID();
  await queue.add('score', { v: PAYLOAD_VERSION, comment: { id, email: EMAIL } } as never, { jobId: id, attempts: 5 });
  const job = await eventually(() => failedJob(id), 5_000, 'the failure');
  expect(job.attemptsMade).toBe(1);
  expect(job.failedReason).toMatch(/payload does not match/);
  expect(job.failedReason).not.toContain(EMAIL);
});

it('fails a comment for a site that does not exist without retries', async () => {
  const comment = accepted(CLEAN_COMMENT, 'deleted-site');
  await queue.add('score', { v: PAYLOAD_VERSION, comment }, { jobId: comment.id, attempts: 5 });
  const job = await eventually(() => failedJob(comment.id), 5_000, 'the failure');
  expect(job.attemptsMade).toBe(1);
  expect(job.failedReason).toMatch(/site deleted-site does not exist/);
});

it('logs ids, decisions and scores, never the comment text or email', async () => {
  const comment = accepted(ABUSIVE_COMMENT);
  await enqueueScoreComment(queue, comment);
  await eventually(() => statusOf(comment.id));
  await eventually(async () => (worker.logs.text.includes(comment.id) ? true : undefined));
  expect(worker.logs.text).toContain('"decision"');
  expect(worker.logs.text).not.toContain('worthless idiot');
  expect(worker.logs.text).not.toContain(EMAIL);
});
