import { sql } from 'kysely';
import { Redis } from 'ioredis';
import { createPersonalDataKeys } from '@moderato/core';
import { createScoreCommentQueue, PAYLOAD_VERSION, type ScoreCommentQueue } from '@moderato/queue';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { acceptedComment } from '../support/comment-factory';
import { givenDeadLetter } from '../support/dead-letter';
import { CLEAN_COMMENT, givenSite, TEST_SECRET } from '../support/fixtures';
import { runCli } from '../support/processes';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { eventually } from '../support/eventually';
import { startWorkerUnderTest } from '../support/worker-under-test';

// Erasure reaches the queue: a comment accepted but not yet written when its
// author is erased never reaches Postgres, and no job of theirs stays in Redis.
const keys = createPersonalDataKeys(TEST_SECRET);
let testDb: TestDatabase;
let env: { databaseUrl: string; redisUrl: string; queuePrefix: string };
let cliEnv: NodeJS.ProcessEnv;
let api: ApiUnderTest;
let redis: Redis;
let queue: ScoreCommentQueue;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'erase-blog');
  env = { databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() };
  cliEnv = { DATABASE_URL: env.databaseUrl, REDIS_URL: env.redisUrl, MODERATO_QUEUE_PREFIX: env.queuePrefix, MODERATO_SECRET: TEST_SECRET, NODE_ENV: 'test' };
  redis = new Redis(env.redisUrl);
  queue = createScoreCommentQueue({ connection: redis, prefix: env.queuePrefix });
  api = await startApiUnderTest(env, { MODERATO_RATE_LIMIT: 'off', MODERATO_DUPLICATE_WINDOW_SECONDS: '0' });
});
afterAll(async () => {
  await api.sut.close();
  await queue.close();
  redis.disconnect();
  await testDb.close();
});

const post = async (email: string, body: string) => {
  const posted = await postJson(`${api.sut.url}/api/v1/sites/erase-blog/articles/a-1/comments`, { name: 'Queued Author', email, body });
  expect(posted.status).toBe(202);
  return posted.json.id as string;
};
const erase = async (email: string) => {
  const result = await runCli(['privacy', 'erase', '--email', email], cliEnv);
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(result.stdout);
};
const queueEvents = () => sql<{ action: string; job_ids: string[]; actor: string }>`select action, job_ids, actor from queue_events order by id`.execute(testDb.db).then((r) => r.rows);

it('erases a comment still waiting in the queue: the worker that starts afterwards never writes it', async () => {
  // No worker yet: both comments wait in Redis.
  const erased = await post('Queued.Erased@example.org', `${CLEAN_COMMENT} (erased)`);
  const kept = await post('queued.kept@example.org', `${CLEAN_COMMENT} (kept)`);

  expect(await erase('queued.erased@example.org')).toMatchObject({ erased: 0, queueJobsRemoved: 1, queueJobsStillActive: 0 });
  expect(await queue.getJob(erased)).toBeUndefined();
  expect((await queueEvents()).at(-1)).toEqual({ action: 'erase', job_ids: [erased], actor: 'system:cli' });

  const worker = await startWorkerUnderTest(env);
  try {
    await eventually(async () => (await testDb.db.selectFrom('comments').select('id').where('id', '=', kept).executeTakeFirst()) ?? undefined, 10_000, 'the other author’s comment');
    await eventually(async () => ((await queue.getJobCounts('waiting', 'active', 'delayed')).waiting === 0 ? true : undefined), 5_000, 'an empty queue');
  } finally {
    await worker.sut.close();
  }
  expect(await testDb.db.selectFrom('comments').select('id').where('id', '=', erased).executeTakeFirst()).toBeUndefined();
  expect(await queue.getJob(erased)).toBeUndefined();
  // Kept (keyed) so that a job that slipped past the sweep is still refused at write time.
  expect((await testDb.db.selectFrom('erased_authors').select('email_hash').execute()).map((r) => r.email_hash)).toEqual([keys.hashEmail('queued.erased@example.org')]);
});

it('removes the erased author’s dead letters, and only theirs', async () => {
  const theirs = await givenDeadLetter(queue, redis, env.queuePrefix, { v: PAYLOAD_VERSION, comment: acceptedComment({ siteId: 'erase-blog', emailHash: keys.hashEmail('dead.letter@example.org'), body: 'their failed comment' }) });
  const others = await givenDeadLetter(queue, redis, env.queuePrefix, { v: PAYLOAD_VERSION, comment: acceptedComment({ siteId: 'erase-blog', emailHash: keys.hashEmail('someone@example.org') }) });
  expect(await queue.getJobState(theirs)).toBe('failed');

  expect(await erase('dead.letter@example.org')).toMatchObject({ erased: 0, queueJobsRemoved: 1 });
  expect(await queue.getJob(theirs)).toBeUndefined();
  expect(await queue.getJobState(others)).toBe('failed');
  expect((await queueEvents()).at(-1)).toEqual({ action: 'erase', job_ids: [theirs], actor: 'system:cli' });
});
