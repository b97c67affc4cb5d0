import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createPersonalDataKeys, type AcceptedComment } from '@moderato/core';
import { createScoreCommentQueue, enqueueScoreComment, type ScoreCommentQueue } from '@moderato/queue';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { ABUSIVE_COMMENT, CLEAN_COMMENT, givenSite, SPAM_COMMENT, TEST_SECRET } from '../support/fixtures';
import { startService, type ServiceProcess } from '../support/processes';
import { freePort } from '../support/redis-server';
import { eventually } from '../support/eventually';
import { bearer } from '../support/staff';

// Two worker processes on one queue, as on two machines: every comment decided once.
const COMMENTS = 300;
const METRICS_TOKEN = `metrics-${randomUUID()}`;
const keys = createPersonalDataKeys(TEST_SECRET);

let testDb: TestDatabase;
let redis: Redis;
let queue: ScoreCommentQueue;
let workers: ServiceProcess[] = [];
let metricsPort: number;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
  const prefix = uniqueQueuePrefix();
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  queue = createScoreCommentQueue({ connection: redis, prefix });
  metricsPort = await freePort();
  const env = { DATABASE_URL: testDb.url, REDIS_URL: testRedisUrl(), MODERATO_QUEUE_PREFIX: prefix, MODERATO_SECRET: TEST_SECRET, NODE_ENV: 'test', MODERATO_METRICS_TOKEN: METRICS_TOKEN };
  workers = [startService('worker', { ...env, MODERATO_WORKER_METRICS_PORT: String(metricsPort) }), startService('worker', env)];
  await Promise.all(workers.map((w) => eventually(async () => (w.output().includes('worker ready') ? true : undefined), 30_000, 'a worker to start')));
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await queue.close();
  redis.disconnect();
  await testDb.close();
});

function accepted(i: number): AcceptedComment {
  const email = `author${i % 25}@example.org`;
  return {
    id: randomUUID(),
    siteId: 'blog',
    articleId: `post-${i % 7}`,
    parentId: null,
    name: 'Ann',
    body: [CLEAN_COMMENT, SPAM_COMMENT, ABUSIVE_COMMENT][i % 3]! + ` (${i})`,
    emailEncrypted: keys.encryptEmail(email),
    emailHash: keys.hashEmail(email),
    ipHash: null,
    acceptedAt: new Date().toISOString(),
  };
}

it('decides every comment exactly once: one row and one audit row each, work shared by both processes', async () => {
  const comments = Array.from({ length: COMMENTS }, (_, i) => accepted(i));
  await Promise.all(comments.map((c) => enqueueScoreComment(queue, c)));
  // The same comments again, as a producer retrying after a lost answer would.
  await Promise.all(comments.slice(0, 50).map((c) => enqueueScoreComment(queue, c)));
  const ids = comments.map((c) => c.id);
  await eventually(async () => {
    const { n } = await testDb.db.selectFrom('comments').select((eb) => eb.fn.countAll<string>().as('n')).where('id', 'in', ids).executeTakeFirstOrThrow();
    return Number(n) === COMMENTS ? true : undefined;
  }, 30_000, 'every decision');
  const events = await testDb.db
    .selectFrom('comment_events')
    .select(['comment_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('comment_id', 'in', ids)
    .groupBy('comment_id')
    .execute();
  expect(events).toHaveLength(COMMENTS);
  expect(events.every((e) => Number(e.n) === 1)).toBe(true);
  // Log lines follow the commit: wait for them too.
  const decidedBy = () => workers.map((w) => (w.output().match(/"comment decided"/g) ?? []).length);
  await eventually(async () => (decidedBy()[0]! + decidedBy()[1]! >= COMMENTS ? true : undefined), 5_000, 'the log lines');
  expect(decidedBy().every((n) => n > 0)).toBe(true);
});

it("serves a worker's own metrics on loopback, with the token", async () => {
  const url = `http://127.0.0.1:${metricsPort}/metrics`;
  expect((await fetch(url)).status).toBe(401);
  const text = await (await fetch(url, { headers: bearer(METRICS_TOKEN) })).text();
  const decided = [...text.matchAll(/^moderato_decisions_total\{decision="\w+"\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
  expect(decided).toBe((workers[0]!.output().match(/"comment decided"/g) ?? []).length);
  expect(text).toMatch(/moderato_decision_latency_seconds_count \d+/);
  expect(text).toMatch(/moderato_scorer_duration_seconds_bucket/);
  expect(text).toMatch(/moderato_decision_reasons_total\{decision="\w+",code="[\w-]+"\}/);
});
