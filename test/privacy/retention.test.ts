import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { purgeExpired } from '@moderato/db';
import { createRetentionQueue, RETENTION_EVERY_MS } from '@moderato/queue';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { eventually, startWorkerUnderTest } from '../support/worker-under-test';
import { givenDecidedComment } from '../support/comment-factory';
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

  const result = await purgeExpired(testDb.db, at(90));

  expect(result).toEqual({ purgedComments: 2, clearedIpHashes: 1 });
  const left = await testDb.db.selectFrom('comments').select(['id', 'ip_hash']).orderBy('created_at').execute();
  expect(left).toEqual([
    { id: oldApproved.id, ip_hash: null },
    { id: recentHeld.id, ip_hash: 'a'.repeat(64) },
  ]);
  const events = await testDb.db.selectFrom('comment_events').select('comment_id').where('comment_id', 'in', [oldHeld.id, oldRejected.id]).execute();
  expect(events).toEqual([]);
  const audit = await sql<{ actor: string; details: unknown }>`select actor, details from privacy_events where action = 'retention'`.execute(testDb.db);
  expect(audit.rows).toEqual([{ actor: 'system:retention', details: expect.objectContaining({ purgedComments: 2, clearedIpHashes: 1 }) }]);
  // A second run finds nothing more.
  expect(await purgeExpired(testDb.db, at(90))).toEqual({ purgedComments: 0, clearedIpHashes: 0 });
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
