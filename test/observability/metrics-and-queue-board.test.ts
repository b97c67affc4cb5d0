import { randomUUID } from 'node:crypto';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { givenSite } from '../support/fixtures';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { bearer, givenStaff } from '../support/staff';

const METRICS_TOKEN = `metrics-${randomUUID()}`;

let testDb: TestDatabase;
let api: ApiUnderTest;
let apiWithoutToken: ApiUnderTest;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
  const env = { databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() };
  api = await startApiUnderTest(env, { MODERATO_RATE_LIMIT: 'off', MODERATO_DUPLICATE_WINDOW_SECONDS: '0', MODERATO_METRICS_TOKEN: METRICS_TOKEN });
  apiWithoutToken = await startApiUnderTest(env);
});
afterAll(async () => {
  await api.sut.close();
  await apiWithoutToken.sut.close();
  await testDb.close();
});

describe('GET /metrics', () => {
  it('is refused without the token, or with a wrong one', async () => {
    expect((await fetch(`${api.sut.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${api.sut.url}/metrics`, { headers: bearer('not-the-token') })).status).toBe(401);
  });

  it('does not exist when no token is configured', async () => {
    expect((await fetch(`${apiWithoutToken.sut.url}/metrics`, { headers: bearer(METRICS_TOKEN) })).status).toBe(404);
  });

  it('counts intake requests by route and status, and shows the queue depth', async () => {
    const posted = await postJson(`${api.sut.url}/api/v1/sites/blog/articles/a1/comments`, { name: 'Ann', email: 'ann@example.org', body: 'Counted, not shown' });
    expect(posted.status).toBe(202);
    const response = await fetch(`${api.sut.url}/metrics`, { headers: bearer(METRICS_TOKEN) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/moderato_http_requests_total\{route="\/api\/v1\/sites\/:siteId\/articles\/:articleId\/comments",method="POST",status="202"\} 1/);
    expect(text).toMatch(/moderato_queue_jobs\{state="waiting"\} 1/);
    expect(text).toMatch(/moderato_dead_letters 0/);
    expect(text).toContain('moderato_postgres_errors_total 0');
    expect(text).not.toContain('ann@example.org');
    expect(text).not.toContain('Counted, not shown');
  });
});

describe('/admin/queues', () => {
  it('answers 401 to a visitor and 403 to staff who are not admins', async () => {
    expect((await fetch(`${api.sut.url}/admin/queues`)).status).toBe(401);
    const { token } = await givenStaff(testDb.db, `owner-${randomUUID()}@example.org`, 'owner', ['blog']);
    expect((await fetch(`${api.sut.url}/admin/queues`, { headers: bearer(token) })).status).toBe(403);
    expect((await fetch(`${api.sut.url}/admin/queues/api/queues`, { headers: bearer(token) })).status).toBe(403);
  });

  it('shows an admin the score-comment queue', async () => {
    const { token } = await givenStaff(testDb.db, `admin-${randomUUID()}@example.org`, 'admin');
    const page = await fetch(`${api.sut.url}/admin/queues`, { headers: bearer(token) });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const queues = await fetch(`${api.sut.url}/admin/queues/api/queues`, { headers: bearer(token) });
    expect(queues.status).toBe(200);
    const body = (await queues.json()) as { queues: Array<{ name: string }> };
    expect(body.queues.map((q) => q.name)).toContain('score-comment');
  });
});
