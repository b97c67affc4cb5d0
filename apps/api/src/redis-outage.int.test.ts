import { createTestDatabase, uniqueQueuePrefix, type TestDatabase } from '../../../test/support/test-database';
import { givenSite } from '../../../test/support/fixtures';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../../../test/support/api-under-test';
import { startOwnRedis, type OwnRedis } from '../../../test/support/redis-server';

let testDb: TestDatabase;
let redis: OwnRedis;
let api: ApiUnderTest;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
  redis = await startOwnRedis();
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: redis.url, queuePrefix: uniqueQueuePrefix() });
});

afterAll(async () => {
  await api.sut.close();
  await redis.destroy();
  await testDb.close();
});

it('fails fast with 503 while Redis is down, and says so in /readyz', async () => {
  const url = `${api.sut.url}/api/v1/sites/blog/articles/a/comments`;
  const comment = { name: 'Ann', email: 'ann@example.org', body: 'Hello there' };
  expect((await postJson(url, comment)).status).toBe(202);

  await redis.kill();
  const startedAt = performance.now();
  const refused = await postJson(url, comment);
  const elapsedMs = performance.now() - startedAt;

  expect(refused.status).toBe(503);
  expect(refused.json.error.code).toBe('service_unavailable');
  expect(elapsedMs).toBeLessThan(2_000);
  const ready = await fetch(`${api.sut.url}/readyz`);
  expect(ready.status).toBe(503);
  expect((await ready.json()).checks).toEqual({ redis: 'unreachable', postgres: 'ok' });
  expect((await fetch(`${api.sut.url}/healthz`)).status).toBe(200);
});
