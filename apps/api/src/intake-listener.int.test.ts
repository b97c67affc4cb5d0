import { Redis } from 'ioredis';
import { createScoreCommentQueue, type ScoreCommentQueue } from '@moderato/queue';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../test/support/test-database';
import { givenSite } from '../../../test/support/fixtures';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../../../test/support/api-under-test';

const comment = { name: 'Ann', email: 'ann@example.org', body: 'Thanks for this article.' };

// One API and a view of its queue for every case below.
let setup: { testDb: TestDatabase; api: ApiUnderTest; queue: ScoreCommentQueue; redis: Redis };

beforeAll(async () => {
  const testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
  const queuePrefix = uniqueQueuePrefix();
  const redis = new Redis(testRedisUrl());
  setup = {
    testDb,
    redis,
    api: await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix }),
    queue: createScoreCommentQueue({ connection: redis, prefix: queuePrefix }),
  };
});

afterAll(async () => {
  await setup.api.sut.close();
  await setup.queue.close();
  setup.redis.disconnect();
  await setup.testDb.close();
});

// The listener takes the path as clients send it; Express takes every other
// spelling its route matches. Both must give the same answer.
describe('the intake, reached ahead of Express or through it', () => {
  it.each([
    ['as clients send it', '/api/v1/sites/blog/articles/post-1/comments'],
    ['with a query string', '/api/v1/sites/blog/articles/post-1/comments?ref=feed'],
    ['with a trailing slash (Express)', '/api/v1/sites/blog/articles/post-1/comments/'],
    ['in another case (Express)', '/API/v1/Sites/blog/articles/post-1/comments'],
    ['percent-encoded', '/api/v1/sites/blog/articles/post%2D1/comments'],
  ])('%s: 202, the intake headers, the comment queued for the decoded article', async (_name, path) => {
    const response = await postJson(`${setup.api.sut.url}${path}`, comment);

    expect(response.status).toBe(202);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // helmet's full set is for pages; the intake's answers never carry it.
    expect(response.headers.get('origin-agent-cluster')).toBeNull();
    const job = await setup.queue.getJob(response.json.id);
    expect(job?.data.comment).toMatchObject({ siteId: 'blog', articleId: 'post-1' });
  });

  it('refuses a path that does not decode with a 400, as Express does', async () => {
    const response = await postJson(`${setup.api.sut.url}/api/v1/sites/blog/articles/%E0%A4%A/comments`, comment);

    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('bad_request');
  });

  it('answers an error as JSON naming the field, with the request id', async () => {
    const response = await postJson(`${setup.api.sut.url}/api/v1/sites/blog/articles/post-1/comments`, { ...comment, email: 42 });

    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ code: 'invalid_field', field: 'email' });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('leaves other methods on the path to Express', async () => {
    const response = await fetch(`${setup.api.sut.url}/api/v1/sites/blog/articles/post-1/comments`, { method: 'PUT' });

    expect(response.status).toBe(404);
  });
});
