import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { createLogger } from '@moderato/config';
import { purgeExpired } from '@moderato/db';
import { createRetentionQueue, createScoreCommentQueue, DEAD_LETTER_CAP, enqueueScoreComment, PAYLOAD_VERSION, RETENTION_EVERY_MS } from '@moderato/queue';
import { createRetentionProcessor } from '../../apps/worker/src/retention.processor';
import { givenDeadLetter } from '../support/dead-letter';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { eventually } from '../support/eventually';
import { startWorkerUnderTest } from '../support/worker-under-test';
import { acceptedComment, givenDecidedComment } from '../support/comment-factory';
import { givenSite } from '../support/fixtures';

// The retention purge on real Postgres; the worker runs it as a repeatable job.
let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'retention-blog');
});
afterAll(() => testDb.close());

const DAY = 86_400_000;

it('purges old held and rejected comments with their audit rows, clears old IP hashes, keeps the rest', async () => {
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
  const oldHeld = await givenDecidedComment(testDb.db, { siteId: 'retention-blog', decision: 'hold', acceptedAt: at(100) });
  const oldRejected = await givenDecidedComment(testDb.db, { siteId: 'retention-blog', decision: 'reject', acceptedAt: at(91) });
  const oldApproved = await givenDecidedComment(testDb.db, { siteId: 'retention-blog', decision: 'approve', acceptedAt: at(200) });
  const recentHeld = await givenDecidedComment(testDb.db, { siteId: 'retention-blog', decision: 'hold', acceptedAt: at(10) });
  await sql`update comments set ip_hash = repeat('a', 64)`.execute(testDb.db);
  // Erased authors' hashes: needed while a job accepted before the erasure could remain, not forever.
  await sql`insert into erased_authors (email_hash, erased_at) values (repeat('b', 64), ${at(95)}), (repeat('c', 64), ${at(5)})`.execute(testDb.db);

  const result = await purgeExpired(testDb.db, at(90));

  expect(result).toEqual({ purgedComments: 2, clearedIpHashes: 1, expiredErasures: 1 });
  expect(await testDb.db.selectFrom('erased_authors').select('email_hash').execute()).toEqual([{ email_hash: 'c'.repeat(64) }]);
  const left = await testDb.db.selectFrom('comments').select(['id', 'ip_hash']).orderBy('created_at').execute();
  expect(left).toEqual([
    { id: oldApproved.id, ip_hash: null },
    { id: recentHeld.id, ip_hash: 'a'.repeat(64) },
  ]);
  const events = await testDb.db.selectFrom('comment_events').select('comment_id').where('comment_id', 'in', [oldHeld.id, oldRejected.id]).execute();
  expect(events).toEqual([]);
  const audit = await sql<{ actor: string; details: unknown }>`select actor, details from privacy_events where action = 'retention'`.execute(testDb.db);
  expect(audit.rows).toEqual([{ actor: 'system:retention', details: expect.objectContaining({ purgedComments: 2, clearedIpHashes: 1, expiredErasures: 1 }) }]);
  // A second run finds nothing more.
  expect(await purgeExpired(testDb.db, at(90))).toEqual({ purgedComments: 0, clearedIpHashes: 0, expiredErasures: 0 });
});

it('is scheduled hourly by every worker process, as one repeatable job', async () => {
  const env = { databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() };
  const workers = [await startWorkerUnderTest(env), await startWorkerUnderTest(env)];
  const redis = new Redis(env.redisUrl);
  const queue = createRetentionQueue({ connection: redis, prefix: env.queuePrefix });
  try {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toEqual([expect.objectContaining({ key: 'retention-hourly', every: RETENTION_EVERY_MS })]);
    // The first run happens at once and is recorded.
    await eventually(async () => {
      const { rows } = await sql<{ n: string }>`select count(*) as n from privacy_events where action = 'retention'`.execute(testDb.db);
      return Number(rows[0]!.n) >= 3 ? true : undefined;
    }, 10_000, 'a scheduled retention run');
  } finally {
    await Promise.all(workers.map((w) => w.sut.close()));
    await queue.close();
    redis.disconnect();
  }
});

describe('dead letters', () => {
  const prefix = uniqueQueuePrefix();
  let redis: Redis;
  let queue: ReturnType<typeof createScoreCommentQueue>;
  beforeAll(() => {
    redis = new Redis(testRedisUrl());
    queue = createScoreCommentQueue({ connection: redis, prefix });
  });
  afterAll(async () => {
    await queue.close();
    redis.disconnect();
  });
  const deadLetter = () => givenDeadLetter(queue, redis, prefix, { v: PAYLOAD_VERSION, comment: acceptedComment({ siteId: 'retention-blog', body: 'a comment that failed' }) });

  it('are removed by retention once older than the retention age, with an audit row naming them', async () => {
    const old = [await deadLetter(), await deadLetter()];
    await new Promise((resolve) => setTimeout(resolve, 20));
    const cutoff = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const recent = await deadLetter();
    const retentionDays = 30;
    const sut = createRetentionProcessor({ db: testDb.db, queue, logger: createLogger({ level: 'silent', service: 'worker' }), retentionDays, now: () => new Date(cutoff + retentionDays * DAY) });

    await sut();

    for (const id of old) expect(await queue.getJob(id)).toBeUndefined();
    expect(await queue.getJobState(recent)).toBe('failed');
    const audit = await testDb.db.selectFrom('queue_events').select(['action', 'job_ids', 'actor', 'details']).execute();
    expect(audit).toEqual([{ action: 'expire', job_ids: expect.arrayContaining(old), actor: 'system:retention', details: { before: new Date(cutoff).toISOString() } }]);
    expect(audit[0]!.job_ids).toHaveLength(2);
  });

  it('are bounded: the intake queues every comment with a cap on the failed set', async () => {
    const comment = acceptedComment({ siteId: 'retention-blog' });
    await enqueueScoreComment(queue, comment);
    expect((await queue.getJob(comment.id))!.opts.removeOnFail).toEqual({ count: DEAD_LETTER_CAP });
  });
});
