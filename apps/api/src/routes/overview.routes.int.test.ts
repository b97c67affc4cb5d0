import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../../test/support/test-database';
import { givenSite } from '../../../../test/support/fixtures';
import { givenSiteHistory } from '../../../../test/support/overview-history';
import { bearer, givenStaff } from '../../../../test/support/staff';
import { startApiUnderTest, type ApiUnderTest } from '../../../../test/support/api-under-test';

let testDb: TestDatabase;
let api: ApiUnderTest;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
  await givenSite(testDb.db, 'other');
  tokens.admin = (await givenStaff(testDb.db, 'admin@overview.example', 'admin')).token;
  tokens.owner = (await givenStaff(testDb.db, 'owner@overview.example', 'owner', ['blog'])).token;
  const moderator = await givenStaff(testDb.db, 'mod@overview.example', 'moderator', ['blog']);
  tokens.moderator = moderator.token;
  await givenSiteHistory(testDb.db, {
    siteId: 'blog',
    moderatorId: moderator.user.id,
    comments: [
      { daysAgo: 0, decision: 'approve', reasons: ['links'] },
      { daysAgo: 0, decision: 'hold', language: 'de', reasons: ['spam-model', 'threshold'] },
      { daysAgo: 3, decision: 'reject', reasons: ['spam-model', 'threshold'], actions: [{ action: 'approve', daysAgo: 2 }] },
      { daysAgo: 20, decision: 'hold', language: 'fr', actions: [{ action: 'approve', daysAgo: 19 }] },
      { daysAgo: 60, decision: 'approve' },
    ],
  });
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() });
});
afterAll(async () => {
  await api.sut.close();
  await testDb.close();
});

const get = async (path: string, token: string) => {
  const response = await fetch(`${api.sut.url}${path}`, { headers: bearer(token) });
  return { status: response.status, json: (await response.json()) as any };
};
const total = (days: Array<Record<string, number | string>>) =>
  days.reduce((sum, d) => sum + Number(d.autoApproved) + Number(d.moderatorApproved) + Number(d.held) + Number(d.rejected), 0);

describe('GET /api/v1/sites/:siteId/overview', () => {
  it.each(['moderator', 'owner', 'admin'])('answers a %s working on the site, 30 days unless asked', async (who) => {
    const { status, json } = await get('/api/v1/sites/blog/overview', tokens[who]!);
    expect(status).toBe(200);
    expect(Object.keys(json).sort()).toEqual(['autoApprovedShare', 'languages', 'perDay', 'queue', 'range', 'reasons', 'weeks']);
    expect(json.range.days).toBe(30);
    expect(json.perDay).toHaveLength(30);
    expect(total(json.perDay)).toBe(4);
    expect(json.autoApprovedShare).toBe(0.25);
    expect(json.queue).toMatchObject({ held: 1, cap: 10_000, oldestHeldAt: expect.any(String), oldestHeldSeconds: expect.any(Number) });
  });

  it('follows the range: 7, 30 and 90 days', async () => {
    const seven = (await get('/api/v1/sites/blog/overview?days=7', tokens.owner!)).json;
    const ninety = (await get('/api/v1/sites/blog/overview?days=90', tokens.owner!)).json;
    expect([seven.perDay.length, total(seven.perDay)]).toEqual([7, 3]);
    expect([ninety.perDay.length, total(ninety.perDay)]).toEqual([90, 5]);
    expect(seven.perDay.at(-1)).toEqual({ day: new Date().toISOString().slice(0, 10), autoApproved: 1, moderatorApproved: 0, held: 1, rejected: 0 });
    expect(seven.reasons).toEqual([
      { code: 'spam-model', comments: 2 },
      { code: 'threshold', comments: 2 },
      { code: 'links', comments: 1 },
    ]);
    expect(ninety.languages).toEqual([
      { language: 'en', comments: 3 },
      { language: 'de', comments: 1 },
      { language: 'fr', comments: 1 },
    ]);
    const sum = (weeks: Array<Record<string, number>>, key: string) => weeks.reduce((s, w) => s + w[key]!, 0);
    expect([sum(ninety.weeks, 'holdsResolved'), sum(ninety.weeks, 'rejectionsOverturned'), sum(ninety.weeks, 'approvalsOverturned')]).toEqual([1, 1, 0]);
    expect(sum(ninety.weeks, 'days')).toBe(90);
  });

  it.each(['14', '0', 'week', '7.5', '-7'])('refuses days=%s with a 400 naming days', async (days) => {
    const { status, json } = await get(`/api/v1/sites/blog/overview?days=${days}`, tokens.owner!);
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ code: 'invalid_field', field: 'days', message: 'days must be one of 7, 30, 90' });
  });

  it("answers 403 for a site the user does not work on and 404 for a site that does not exist", async () => {
    expect((await get('/api/v1/sites/other/overview', tokens.moderator!)).status).toBe(403);
    expect((await get('/api/v1/sites/nowhere/overview', tokens.admin!)).status).toBe(404);
  });
});
