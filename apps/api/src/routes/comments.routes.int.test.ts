import { Redis } from 'ioredis';
import { createScoreCommentQueue, type ScoreCommentQueue } from '@moderato/queue';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../../test/support/test-database';
import { givenSite } from '../../../../test/support/fixtures';
import { dumpRedisValues } from '../../../../test/support/redis-dump';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../../../../test/support/api-under-test';

const EMAIL = 'private.person@example.org';
const valid = { name: 'Ann', email: EMAIL, body: 'Thanks for this article.' };

let testDb: TestDatabase;
let api: ApiUnderTest;
let queue: ScoreCommentQueue;
let redis: Redis;
let prefix: string;
let commentsUrl: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog', { maxBodyLength: 500 });
  prefix = uniqueQueuePrefix();
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: prefix });
  redis = new Redis(testRedisUrl());
  queue = createScoreCommentQueue({ connection: redis, prefix });
  commentsUrl = `${api.sut.url}/api/v1/sites/blog/articles/post-1/comments`;
});

afterAll(async () => {
  await api.sut.close();
  await queue.close();
  redis.disconnect();
  await testDb.close();
});

async function queuedJobCount(): Promise<number> {
  return queue.getJobCountByTypes('waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed');
}

describe('POST /api/v1/sites/:siteId/articles/:articleId/comments', () => {
  it('answers 202 with the id and pending, and queues the comment under that id', async () => {
    const response = await postJson(commentsUrl, valid);

    expect(response.status).toBe(202);
    expect(Object.keys(response.json).sort()).toEqual(['id', 'status']);
    expect(response.json.status).toBe('pending');
    expect(response.headers.get('location')).toBe(`/api/v1/comments/${response.json.id}`);
    const job = await queue.getJob(response.json.id);
    expect(job?.data.comment).toMatchObject({ id: response.json.id, siteId: 'blog', articleId: 'post-1', name: 'Ann', body: valid.body });
    expect(job?.data.comment.emailHash).toMatch(/^[0-9a-f]{64}$/);
    expect(job?.data.comment.ipHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports a queued comment as pending', async () => {
    const { json } = await postJson(commentsUrl, valid);
    const response = await fetch(`${api.sut.url}/api/v1/comments/${json.id}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: json.id, status: 'pending' });
  });

  it('strips null bytes and control characters and repairs invalid Unicode', async () => {
    const { json } = await postJson(commentsUrl, '{"name":"A\\u0000nn","email":"a@b.co","body":"<b>hi</b>\\u0000 there \\ud800!"}');
    const job = await queue.getJob(json.id);
    expect(job?.data.comment.name).toBe('Ann');
    expect(job?.data.comment.body).toBe('<b>hi</b> there \uFFFD!');
  });

  it('ignores unknown keys, including prototype-pollution attempts', async () => {
    const response = await postJson(commentsUrl, `{"name":"Ann","email":"a@b.co","body":"hi","__proto__":{"admin":true},"extra":1}`);
    expect(response.status).toBe(202);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  const badRequests: Array<[string, unknown, Record<string, string>, number, string | undefined]> = [
    ['a missing name', { email: EMAIL, body: 'x' }, {}, 400, 'name'],
    ['a missing email', { name: 'A', body: 'x' }, {}, 400, 'email'],
    ['a missing body', { name: 'A', email: EMAIL }, {}, 400, 'body'],
    ['a name that is a number', { ...valid, name: 42 }, {}, 400, 'name'],
    ['a body that is an object', { ...valid, body: { $gt: '' } }, {}, 400, 'body'],
    ['an email that is an array', { ...valid, email: [EMAIL] }, {}, 400, 'email'],
    ['an invalid email', { ...valid, email: 'not-an-email' }, {}, 400, 'email'],
    ['an empty body', { ...valid, body: '' }, {}, 400, 'body'],
    ['a body of only spaces and null bytes', { ...valid, body: ' \u0000 ' }, {}, 400, 'body'],
    ["a body over the site's limit", { ...valid, body: 'x'.repeat(501) }, {}, 400, 'body'],
    ['a name over 100 characters', { ...valid, name: 'n'.repeat(101) }, {}, 400, 'name'],
    ['a parentId that is not a UUID', { ...valid, parentId: '../../etc/passwd' }, {}, 400, 'parentId'],
    ['a JSON array', [valid], {}, 400, undefined],
    ['malformed JSON', '{"name": "A",', {}, 400, undefined],
    ['a JSON null', 'null', {}, 400, undefined],
    ['a body over 64 KB', { ...valid, body: 'x'.repeat(70_000) }, {}, 413, undefined],
    ['a 1 MB body', { ...valid, body: 'x'.repeat(1_048_576) }, {}, 413, undefined],
    ['a form-encoded post', 'name=A&email=a%40b.co&body=x', { 'content-type': 'application/x-www-form-urlencoded' }, 415, undefined],
    ['a text/plain post', JSON.stringify(valid), { 'content-type': 'text/plain' }, 415, undefined],
    ['a non-UTF-8 charset', JSON.stringify(valid), { 'content-type': 'application/json; charset=latin1' }, 415, undefined],
  ];

  it.each(badRequests)('refuses %s with a JSON error and queues nothing', async (_what, body, headers, status, field) => {
    const before = await queuedJobCount();
    const response = await postJson(commentsUrl, body, headers);

    expect(response.status).toBe(status);
    expect(response.json.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
    if (field) expect(response.json.error.field).toBe(field);
    expect(response.text).not.toContain(EMAIL);
    expect(await queuedJobCount()).toBe(before);
  });

  it('answers 404 for an unknown site, also one whose id no site could have', async () => {
    for (const site of ['no-such-site', '%00%3Cscript%3E']) {
      const response = await postJson(`${api.sut.url}/api/v1/sites/${site}/articles/a/comments`, valid);
      expect(response.status).toBe(404);
      expect(response.json.error.code).toBe('not_found');
    }
  });

  it('keeps everything already accepted when bad input arrives', async () => {
    const { json } = await postJson(commentsUrl, valid);
    await postJson(commentsUrl, '{oops');
    await postJson(commentsUrl, { ...valid, email: 3 });
    expect(await queue.getJob(json.id)).toBeDefined();
  });
});

describe('GET /api/v1/comments/:id', () => {
  it('answers 404 for an id never accepted, UUID or not', async () => {
    for (const id of ['6f1c2f3e-1111-4222-8333-944455556666', 'not-a-uuid']) {
      const response = await fetch(`${api.sut.url}/api/v1/comments/${id}`);
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe('not_found');
    }
  });
});

describe('GET /api/v1/sites/:siteId/articles/:articleId/comments', () => {
  it('answers an empty thread for an article with no approved comments', async () => {
    const response = await fetch(`${api.sut.url}/api/v1/sites/blog/articles/nothing-yet/comments`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ comments: [], next: null });
  });

  it('refuses a bad cursor or limit with 400 naming it', async () => {
    const badCursor = await fetch(`${commentsUrl}?cursor=forged`);
    expect(badCursor.status).toBe(400);
    expect((await badCursor.json()).error.field).toBe('cursor');
    const badLimit = await fetch(`${commentsUrl}?limit=100000`);
    expect(badLimit.status).toBe(400);
    expect((await badLimit.json()).error.field).toBe('limit');
  });

  it('answers 404 for an unknown site', async () => {
    expect((await fetch(`${api.sut.url}/api/v1/sites/nope/articles/a/comments`)).status).toBe(404);
  });
});

describe('health', () => {
  it('answers /healthz and /readyz with both services reachable', async () => {
    expect((await fetch(`${api.sut.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${api.sut.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { redis: 'ok', postgres: 'ok' } });
  });
});

describe('privacy at intake', () => {
  it('never writes the email in clear to Redis or the logs', async () => {
    await postJson(commentsUrl, valid);
    // Refused posts are access-logged at info (accepted ones only at debug).
    expect((await postJson(commentsUrl, { ...valid, body: '' })).status).toBe(400);
    const dump = await dumpRedisValues(redis, prefix);
    expect(dump).toContain('Thanks for this article.');
    expect(dump.toLowerCase()).not.toContain(EMAIL);
    expect(api.logs.text).toContain('request completed');
    expect(api.logs.text.toLowerCase()).not.toContain(EMAIL);
    expect(api.logs.text).not.toContain('127.0.0.1"');
  });
});
