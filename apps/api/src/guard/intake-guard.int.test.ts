import { Redis } from 'ioredis';
import { createScoreCommentQueue, type ScoreCommentQueue } from '@moderato/queue';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../../test/support/test-database';
import { givenSite, TEST_SECRET } from '../../../../test/support/fixtures';
import { dumpRedisValues } from '../../../../test/support/redis-dump';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../../../../test/support/api-under-test';
import { createFormTokens } from './form-token';
import { trappedCountKey } from './intake-guard';

// The abuse checks at the intake's door, on the real API and Redis.
const ALLOWED = 'https://blog.example.org';
const EMAIL = 'door.tester.k4@example.org';
let counter = 0;
const fresh = () => ({ name: 'Ann', email: EMAIL, body: `A thoughtful comment, number ${++counter}.` });

let testDb: TestDatabase;
let redis: Redis;
const apis: ApiUnderTest[] = [];
const queues: ScoreCommentQueue[] = [];

async function startApi(env: Record<string, string>) {
  const prefix = uniqueQueuePrefix();
  const api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: prefix }, env);
  const queue = createScoreCommentQueue({ connection: redis, prefix });
  apis.push(api);
  queues.push(queue);
  return { api, queue, prefix, url: `${api.sut.url}/api/v1/sites/blog/articles/post-1/comments` };
}

const jobCount = (queue: ScoreCommentQueue) => queue.getJobCountByTypes('waiting', 'active', 'delayed', 'prioritized');

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
  redis = new Redis(testRedisUrl());
});

afterAll(async () => {
  for (const api of apis) await api.sut.close();
  for (const queue of queues) await queue.close();
  redis.disconnect();
  await testDb.close();
});

describe('with the default limits off', () => {
  let sut: Awaited<ReturnType<typeof startApi>>;
  beforeAll(async () => {
    sut = await startApi({ MODERATO_RATE_LIMIT: 'off', MODERATO_DUPLICATE_WINDOW_SECONDS: '600' });
  });

  it('answers a preflight from an allowed origin, and lets its post through with CORS headers', async () => {
    const preflight = await fetch(sut.url, {
      method: 'OPTIONS',
      headers: { origin: ALLOWED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/content-type/i);

    const post = await postJson(sut.url, fresh(), { origin: ALLOWED });
    expect(post.status).toBe(202);
    expect(post.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(post.headers.get('vary')).toMatch(/origin/i);
  });

  it('refuses a preflight and a post from another origin with a clear 403, queueing nothing', async () => {
    const before = await jobCount(sut.queue);
    const preflight = await fetch(sut.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const post = await postJson(sut.url, fresh(), { origin: 'https://evil.example' });
    expect(post.status).toBe(403);
    expect(post.json.error).toEqual({ code: 'origin_not_allowed', message: expect.stringContaining('https://evil.example') });
    expect(await postJson(sut.url, fresh(), { origin: 'null' })).toMatchObject({ status: 403 });
    expect(await jobCount(sut.queue)).toBe(before);
  });

  it('answers a duplicate body from the same email on the same article with 409, queued once', async () => {
    const comment = fresh();
    expect((await postJson(sut.url, comment)).status).toBe(202);
    const before = await jobCount(sut.queue);
    const again = await postJson(sut.url, { ...comment, email: EMAIL.toUpperCase(), body: `  ${comment.body}\u0000 ` });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('duplicate_comment');
    expect(await jobCount(sut.queue)).toBe(before);
    // Another article, or another author, is not a duplicate.
    expect((await postJson(sut.url.replace('post-1', 'post-2'), comment)).status).toBe(202);
    expect((await postJson(sut.url, { ...comment, email: 'someone.else@example.org' })).status).toBe(202);
    const redisText = (await dumpRedisValues(redis, sut.prefix)) + (await redis.keys(`${sut.prefix}:score-comment:de:*`)).join('\n');
    expect(redisText.toLowerCase()).not.toContain(EMAIL.toLowerCase());
  });

  it('accepts a trapped post with 202 but never queues it, and counts it', async () => {
    const before = await jobCount(sut.queue);
    const tokens = createFormTokens(TEST_SECRET);
    const honeypot = await postJson(sut.url, { ...fresh(), website: 'http://cheap.example', formToken: tokens.issue('blog', 'post-1', Date.now() - 10_000) });
    const tooFast = await postJson(sut.url, { ...fresh(), formToken: tokens.issue('blog', 'post-1') });
    const forged = await postJson(sut.url, { ...fresh(), formToken: 'lq0.abc.' + 'x'.repeat(32) });
    // 32 characters but 64 bytes: once a 500 from the signature comparison.
    const forgedMultiByte = await postJson(sut.url, { ...fresh(), formToken: 'lq0.abc.' + 'é'.repeat(32) });
    for (const answer of [honeypot, tooFast, forged, forgedMultiByte]) {
      expect(answer.status).toBe(202);
      expect(answer.json).toEqual({ id: expect.any(String), status: 'pending' });
    }
    expect(await jobCount(sut.queue)).toBe(before);
    expect(await redis.hgetall(trappedCountKey(sut.prefix))).toEqual({ 'blog:honeypot': '1', 'blog:too-fast': '1', 'blog:bad-token': '2' });
  });

  it('queues a post whose form token is older than 2 s, and one with no token at all', async () => {
    const formToken = createFormTokens(TEST_SECRET).issue('blog', 'post-1', Date.now() - 2_500);
    const withToken = await postJson(sut.url, { ...fresh(), formToken, website: '' });
    const withoutToken = await postJson(sut.url, fresh());
    expect(await sut.queue.getJob(withToken.json.id)).toBeDefined();
    expect(await sut.queue.getJob(withoutToken.json.id)).toBeDefined();
  });

  it('serves a form token and the settings the form checks, readable from any page', async () => {
    const response = await fetch(`${sut.api.sut.url}/api/v1/sites/blog/articles/post-1/form`, { headers: { origin: ALLOWED } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ token: expect.stringMatching(/^[0-9a-z]+\.[\w-]+\.[\w-]{32}$/), linkStyle: 'text', maxBodyLength: 5000 });
    expect((await fetch(`${sut.api.sut.url}/api/v1/sites/nope/articles/post-1/form`)).status).toBe(404);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After past the per-IP limit, readable by an allowed page', async () => {
    const sut = await startApi({ MODERATO_RATE_LIMIT_IP: '3', MODERATO_DUPLICATE_WINDOW_SECONDS: '0' });
    for (let i = 0; i < 3; i++) expect((await postJson(sut.url, fresh(), { origin: ALLOWED })).status).toBe(202);
    const limited = await postJson(sut.url, fresh(), { origin: ALLOWED });
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(limited.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(limited.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
    // The counters are keyed by the IP's keyed hash, never the address.
    expect((await redis.keys(`${sut.prefix}:rl:*`)).join('\n')).not.toContain('127.0.0.1');
  });

  it('behind one proxy (MODERATO_TRUST_PROXY=1) counts the address the proxy saw, whatever the client wrote in X-Forwarded-For', async () => {
    const sut = await startApi({ MODERATO_TRUST_PROXY: '1', MODERATO_RATE_LIMIT_IP: '3', MODERATO_DUPLICATE_WINDOW_SECONDS: '0' });
    // The proxy appends the address it saw to whatever the client sent.
    const viaProxy = (clientAddress: string, i: number) => ({ 'x-forwarded-for': `198.51.100.${i}, ${clientAddress}` });
    for (let i = 0; i < 3; i++) expect((await postJson(sut.url, fresh(), viaProxy('203.0.113.7', i))).status).toBe(202);
    expect((await postJson(sut.url, fresh(), viaProxy('203.0.113.7', 99))).status).toBe(429);
    // Another client behind the same proxy has its own count.
    expect((await postJson(sut.url, fresh(), viaProxy('203.0.113.8', 1))).status).toBe(202);
  });

  it('answers 429 past the per-site limit, whatever the address', async () => {
    const sut = await startApi({ MODERATO_RATE_LIMIT_IP: '1000', MODERATO_RATE_LIMIT_SITE: '2', MODERATO_DUPLICATE_WINDOW_SECONDS: '0' });
    expect((await postJson(sut.url, fresh())).status).toBe(202);
    expect((await postJson(sut.url.replace('post-1', 'post-2'), fresh())).status).toBe(202);
    const limited = await postJson(sut.url.replace('post-1', 'post-3'), fresh());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('are off with MODERATO_RATE_LIMIT=off', async () => {
    const sut = await startApi({ MODERATO_RATE_LIMIT: 'off', MODERATO_RATE_LIMIT_IP: '1', MODERATO_DUPLICATE_WINDOW_SECONDS: '0' });
    for (let i = 0; i < 4; i++) expect((await postJson(sut.url, fresh())).status).toBe(202);
  });
});
