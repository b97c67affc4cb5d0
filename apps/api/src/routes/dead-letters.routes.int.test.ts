import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createScoreCommentQueue, SCORE_COMMENT_JOB, SCORE_COMMENT_JOB_OPTIONS, type ScoreCommentQueue } from '@moderato/queue';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../../test/support/test-database';
import { CLEAN_COMMENT, givenSite } from '../../../../test/support/fixtures';
import { bearer, givenStaff } from '../../../../test/support/staff';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../../../../test/support/api-under-test';
import { eventually } from '../../../../test/support/eventually';
import { startWorkerUnderTest } from '../../../../test/support/worker-under-test';
import type { RunningWorker } from '../../../worker/src/worker';

// Poison jobs (a payload from another version, a deleted site) fail at once
// into the dead letters, never hold up good comments, and admins handle them.
let testDb: TestDatabase;
let api: ApiUnderTest;
let worker: RunningWorker;
let redis: Redis;
let queue: ScoreCommentQueue;
let admin: Record<string, string>;
let adminId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'dl-blog');
  const staff = await givenStaff(testDb.db, 'admin@dl.example', 'admin');
  admin = bearer(staff.token);
  adminId = staff.user.id;
  const env = { databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() };
  api = await startApiUnderTest(env);
  worker = (await startWorkerUnderTest(env)).sut;
  redis = new Redis(env.redisUrl);
  queue = createScoreCommentQueue({ connection: redis, prefix: env.queuePrefix });
});
afterAll(async () => {
  await worker.close();
  await api.sut.close();
  await queue.close();
  redis.disconnect();
  await testDb.close();
});

const call = async (method: string, path: string, headers: Record<string, string> = admin) => {
  const response = await fetch(`${api.sut.url}${path}`, { method, headers });
  return { status: response.status, json: (await response.json()) as any };
};

it('fails poison jobs at once, decides the comments behind them, and lets an admin see, retry and discard them', async () => {
  const oldVersion = randomUUID();
  const deletedSite = randomUUID();
  await queue.add(SCORE_COMMENT_JOB, { v: 0, comment: { id: oldVersion, body: 'secret body' } } as never, { ...SCORE_COMMENT_JOB_OPTIONS, jobId: oldVersion });
  const comment = { id: deletedSite, siteId: 'gone', articleId: 'a-1', parentId: null, name: 'N', body: 'secret body', emailEncrypted: 'v1.a.b.c', emailHash: 'e'.repeat(64), ipHash: null, acceptedAt: new Date().toISOString() };
  await queue.add(SCORE_COMMENT_JOB, { v: 1, comment }, { ...SCORE_COMMENT_JOB_OPTIONS, jobId: deletedSite });
  const good = await Promise.all([1, 2, 3].map((i) => postJson(`${api.sut.url}/api/v1/sites/dl-blog/articles/a-1/comments`, { name: `R${i}`, email: `r${i}@example.org`, body: `${CLEAN_COMMENT} ${i}` })));
  for (const { json } of good) {
    await eventually(async () => (await testDb.db.selectFrom('comments').select('id').where('id', '=', json.id).executeTakeFirst()) ?? undefined, 10_000, 'a good comment');
  }

  const listed = await eventually(async () => {
    const { json } = await call('GET', '/api/v1/admin/dead-letters');
    return json.total === 2 ? json : undefined;
  }, 10_000, 'two dead letters');
  const byId = Object.fromEntries(listed.deadLetters.map((d: { id: string }) => [d.id, d]));
  expect(byId[oldVersion]).toEqual({ id: oldVersion, failedReason: expect.stringContaining('payload does not match version 0'), attemptsMade: 1, queuedAt: expect.any(String), processedAt: expect.any(String), failedAt: expect.any(String), siteId: null, articleId: null });
  expect(byId[deletedSite]).toMatchObject({ failedReason: 'site gone does not exist', attemptsMade: 1, siteId: 'gone', articleId: 'a-1' });
  expect(JSON.stringify(listed)).not.toContain('secret body');

  // Retrying a job that still cannot succeed puts it straight back.
  expect(await call('POST', `/api/v1/admin/dead-letters/${deletedSite}/retry`)).toEqual({ status: 200, json: { id: deletedSite, retried: true } });
  await eventually(async () => ((await queue.getJob(deletedSite))?.finishedOn && (await queue.getJobState(deletedSite)) === 'failed' ? true : undefined), 10_000, 'the retried job to fail again');

  expect((await call('POST', `/api/v1/admin/dead-letters/${oldVersion}/discard`)).status).toBe(200);
  expect((await call('DELETE', `/api/v1/admin/dead-letters/${deletedSite}`)).status).toBe(200);
  expect((await call('GET', '/api/v1/admin/dead-letters')).json).toEqual({ deadLetters: [], total: 0 });
  // Each change is audited; refused ones (below) are not.
  const audit = await testDb.db.selectFrom('queue_events').select(['action', 'job_ids', 'actor']).orderBy('id').execute();
  expect(audit).toEqual([
    { action: 'retry', job_ids: [deletedSite], actor: adminId },
    { action: 'discard', job_ids: [oldVersion], actor: adminId },
    { action: 'discard', job_ids: [deletedSite], actor: adminId },
  ]);
  expect((await call('POST', `/api/v1/admin/dead-letters/${oldVersion}/retry`)).status).toBe(404);
  expect((await call('POST', '/api/v1/admin/dead-letters/not%20an%20id/discard')).status).toBe(404);
  // A job still on its way is no dead letter.
  expect((await call('POST', `/api/v1/admin/dead-letters/${good[0]!.json.id}/discard`)).status).toBe(404);
  expect(await testDb.db.selectFrom('queue_events').select('id').execute()).toHaveLength(3);
});
