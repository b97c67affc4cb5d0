import { sql } from 'kysely';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../test/support/test-database';
import { givenSite } from '../../../test/support/fixtures';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../../../test/support/api-under-test';

// A bug must look like a bug: a failing query is a 500 logged with the
// request id; only Postgres out of reach is a 503 the client may retry.
let testDb: TestDatabase;
let api: ApiUnderTest;
let apiWithoutPostgres: ApiUnderTest;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
  const env = { redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() };
  api = await startApiUnderTest({ ...env, databaseUrl: testDb.url });
  // Nothing listens on port 1: every connection is refused.
  apiWithoutPostgres = await startApiUnderTest({ ...env, databaseUrl: 'postgres://postgres@127.0.0.1:1/none' });
});

afterAll(async () => {
  await apiWithoutPostgres.sut.close();
  await api.sut.close();
  await testDb.close();
});

const thread = (url: string) => fetch(`${url}/api/v1/sites/blog/articles/a/comments`);

it('answers a SQL error on the public thread with a 500, logged with the request id and no personal data', async () => {
  const email = 'sql.bug.reader@example.org';
  expect((await postJson(`${api.sut.url}/api/v1/sites/blog/articles/a/comments`, { name: 'Ann', email, body: 'Hello there' })).status).toBe(202);
  expect((await thread(api.sut.url)).status).toBe(200);
  // A release whose code and schema disagree.
  await sql`alter table comments rename column body to body_renamed`.execute(testDb.db);

  const response = await thread(api.sut.url);

  expect(response.status).toBe(500);
  expect(await response.json()).toEqual({ error: { code: 'internal', message: 'something went wrong on our side' } });
  const requestId = response.headers.get('x-request-id');
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  const logged = api.logs.lines.map((line) => JSON.parse(line)).find((line) => line.msg === 'unhandled error');
  expect(logged).toMatchObject({ level: 50, reqId: requestId, err: { class: 'DatabaseError', code: '42703' } });
  expect(logged.err.message).toContain('body');
  expect(api.logs.text).not.toContain(email);
});

it('answers 503 when Postgres refuses the connection', async () => {
  const response = await thread(apiWithoutPostgres.sut.url);

  expect(response.status).toBe(503);
  expect(await response.json()).toEqual({ error: { code: 'service_unavailable', message: 'the database is unavailable; try again shortly' } });
  expect(apiWithoutPostgres.logs.text).not.toContain('unhandled error');
});
