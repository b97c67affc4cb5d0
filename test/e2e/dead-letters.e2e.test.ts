import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Browser } from 'playwright-core';
import { createScoreCommentQueue, SCORE_COMMENT_JOB, SCORE_COMMENT_JOB_OPTIONS, type ScoreCommentQueue } from '@moderato/queue';
import type { RunningWorker } from '../../apps/worker/src/worker';
import { launchChromium } from '../browser/browser-support';
import { startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { givenSite } from '../support/fixtures';
import { givenStaff } from '../support/staff';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { eventually } from '../support/eventually';
import { startWorkerUnderTest } from '../support/worker-under-test';
import { signInToDashboard } from '../support/dashboard';

// An admin finds a poison job in the dashboard's "Dead letters" view and discards it.
let testDb: TestDatabase;
let api: ApiUnderTest;
let worker: RunningWorker;
let browser: Browser;
let redis: Redis;
let queue: ScoreCommentQueue;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'dl-site');
  await givenStaff(testDb.db, 'admin@dl-ui.example', 'admin');
  const env = { databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() };
  api = await startApiUnderTest(env);
  worker = (await startWorkerUnderTest(env)).sut;
  redis = new Redis(env.redisUrl);
  queue = createScoreCommentQueue({ connection: redis, prefix: env.queuePrefix });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await api?.sut.close();
  await queue?.close();
  redis?.disconnect();
  await testDb?.close();
});

it('lists a dead letter for an admin and discards it', async () => {
  const id = randomUUID();
  const comment = { id, siteId: 'deleted-site', articleId: 'a-9', parentId: null, name: 'N', body: 'B', emailEncrypted: 'v1.a.b.c', emailHash: 'e'.repeat(64), ipHash: null, acceptedAt: new Date().toISOString() };
  await queue.add(SCORE_COMMENT_JOB, { v: 1, comment }, { ...SCORE_COMMENT_JOB_OPTIONS, jobId: id });
  await eventually(async () => ((await queue.getJobState(id)) === 'failed' ? true : undefined), 10_000, 'the poison job to fail');

  const page = await browser.newPage();
  await signInToDashboard(page, api.sut.url, 'admin@dl-ui.example');
  await page.getByRole('button', { name: 'Dead letters' }).click();
  const rowOf = page.locator('tr', { hasText: id });
  await rowOf.waitFor();
  expect(await rowOf.textContent()).toContain('site deleted-site does not exist');
  await rowOf.getByRole('button', { name: 'Discard' }).click();
  await page.getByText('No failed jobs.').waitFor();
  expect(await queue.getJob(id)).toBeUndefined();
}, 30_000);
