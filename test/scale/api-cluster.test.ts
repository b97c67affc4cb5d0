import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createScoreCommentQueue, type ScoreCommentQueue } from '@moderato/queue';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../support/test-database';
import { givenSite } from '../support/fixtures';
import { serviceEnv, startService, type ServiceProcess } from '../support/processes';
import { eventually } from '../support/eventually';
import { bearer } from '../support/staff';

// MODERATO_API_PROCESSES=2: two API processes behind one port (node:cluster),
// one /metrics for both, a dead process replaced, a clean stop.
const POSTS = 60;
const METRICS_TOKEN = `metrics-${randomUUID()}`;

let testDb: TestDatabase;
let redis: Redis;
let queue: ScoreCommentQueue;
let api: ServiceProcess;
let baseUrl: string;

const listeningPids = () => [...api.output().matchAll(/"pid":(\d+),[^\n]*"msg":"api listening"/g)].map((m) => Number(m[1]));

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
  const service = await serviceEnv(testDb.url, { MODERATO_API_PROCESSES: '2', MODERATO_RATE_LIMIT: 'off', MODERATO_METRICS_TOKEN: METRICS_TOKEN });
  baseUrl = service.baseUrl;
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  queue = createScoreCommentQueue({ connection: redis, prefix: String(service.env.MODERATO_QUEUE_PREFIX) });
  api = startService('api', service.env);
  await eventually(async () => (listeningPids().length === 2 ? true : undefined), 30_000, 'two API processes');
}, 60_000);

afterAll(async () => {
  await api.stop();
  await queue.close();
  redis.disconnect();
  await testDb.close();
});

const post = (i: number) =>
  fetch(`${baseUrl}/api/v1/sites/blog/articles/launch/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify({ name: 'Ann', email: `reader${i}@example.org`, body: `Comment number ${i}, thanks for the article.` }),
  });

const metricsText = async () => (await fetch(`${baseUrl}/metrics`, { headers: bearer(METRICS_TOKEN) })).text();
const sampleOf = (text: string, line: RegExp) => Number(line.exec(text)?.[1] ?? Number.NaN);

it('runs two processes on one port, and /metrics sums their requests but not the shared queue', async () => {
  expect(new Set(listeningPids()).size).toBe(2);
  const answers = await Promise.all(Array.from({ length: POSTS }, (_, i) => post(i)));
  expect(answers.map((a) => a.status)).toEqual(Array(POSTS).fill(202));

  // No worker runs here, so every post still waits on the queue.
  expect(await queue.getWaitingCount()).toBe(POSTS);
  const text = await metricsText();
  expect(sampleOf(text, /^moderato_http_requests_total\{route="\/api\/v1\/sites\/:siteId\/articles\/:articleId\/comments",method="POST",status="202"\} (\d+)$/m)).toBe(POSTS);
  expect(sampleOf(text, /^moderato_queue_jobs\{state="waiting"\} (\d+)$/m)).toBe(POSTS);
  expect((await fetch(`${baseUrl}/metrics`)).status).toBe(401);
}, 30_000);

it('replaces a process that dies, and keeps answering meanwhile', async () => {
  const [victim] = listeningPids();
  process.kill(victim!, 'SIGKILL');
  await eventually(async () => (listeningPids().length === 3 ? true : undefined), 30_000, 'a replacement process');
  expect(api.output()).toContain('api process exited: starting another');
  expect((await post(1_000)).status).toBe(202);
}, 40_000);

it('stops cleanly on SIGTERM: every process finishes, exit code 0', async () => {
  const pids = listeningPids().slice(-2);
  expect(await api.stop()).toBe(0);
  expect(api.output()).toContain('api cluster stopped');
  for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
}, 30_000);
