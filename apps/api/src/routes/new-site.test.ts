import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../../test/support/test-database';
import { CLEAN_COMMENT, givenSite } from '../../../../test/support/fixtures';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../../../../test/support/api-under-test';

// A site is usable the moment it is created, not after the API's next reload of every site.
let testDb: TestDatabase;
let api: ApiUnderTest;

beforeAll(async () => {
  testDb = await createTestDatabase();
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() });
});
afterAll(async () => {
  await api.sut.close();
  await testDb.close();
});

const comment = { name: 'Ann', email: 'ann@example.org', body: CLEAN_COMMENT };

it('accepts a comment and serves the embed form for a site created a moment ago', async () => {
  // Another unknown site first, so the API has just looked at Postgres when the new site appears.
  expect((await postJson(`${api.sut.url}/api/v1/sites/not-yet/articles/a-1/comments`, comment)).status).toBe(404);
  await givenSite(testDb.db, 'fresh');

  const posted = await postJson(`${api.sut.url}/api/v1/sites/fresh/articles/a-1/comments`, comment);
  expect({ status: posted.status, body: posted.json }).toMatchObject({ status: 202 });
  const form = await fetch(`${api.sut.url}/api/v1/sites/fresh/articles/a-2/form`);
  expect(form.status).toBe(200);
  expect(await form.json()).toMatchObject({ token: expect.any(String) });
});

it('still answers 404 for a site that does not exist', async () => {
  expect((await postJson(`${api.sut.url}/api/v1/sites/never-made/articles/a-1/comments`, comment)).status).toBe(404);
  expect((await fetch(`${api.sut.url}/api/v1/sites/never-made/articles/a-1/form`)).status).toBe(404);
});
