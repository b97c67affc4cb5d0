import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../../test/support/test-database';
import { givenSite } from '../../../../test/support/fixtures';
import { bearer, givenStaff } from '../../../../test/support/staff';
import { givenSiteModel, heldOut } from '../../../../test/support/site-models';
import { requestJson, startApiUnderTest, type ApiUnderTest } from '../../../../test/support/api-under-test';

let testDb: TestDatabase;
let api: ApiUnderTest;
const staff: Record<string, { token: string }> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
  await givenSite(testDb.db, 'other');
  await givenSiteModel(testDb.db, 'blog', 1);
  await givenSiteModel(testDb.db, 'blog', 2, { metrics: { candidate: heldOut(0.6), live: heldOut(0.8), liveVersion: null } });
  await givenSiteModel(testDb.db, 'other', 1);
  staff.admin = await givenStaff(testDb.db, 'admin@example.org', 'admin');
  staff.owner = await givenStaff(testDb.db, 'owner@example.org', 'owner', ['blog']);
  staff.moderator = await givenStaff(testDb.db, 'mod@example.org', 'moderator', ['blog']);
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() });
});
afterAll(async () => {
  await api.sut.close();
  await testDb.close();
});

const call = (method: string, path: string, who: string, body?: unknown) => requestJson(method, `${api.sut.url}${path}`, body, bearer(staff[who]!.token));

describe('/api/v1/sites/:siteId/models', () => {
  it('lists the site’s models with their held-out figures, newest first, and which one is live', async () => {
    const { status, json } = await call('GET', '/api/v1/sites/blog/models', 'owner');
    expect(status).toBe(200);
    expect(json).toMatchObject({ live: null, shadow: null, agreement: [], events: [] });
    expect(json.models.map((m: { version: number; worseThanLive: boolean }) => [m.version, m.worseThanLive])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(json.models[0].metrics.candidate).toMatchObject({ agreement: 0.6 });
    expect(json.models[0]).not.toHaveProperty('weights');
  });

  it('queues a training run in the workers and answers 202 with the job id', async () => {
    const { status, json } = await call('POST', '/api/v1/sites/blog/models/train', 'owner');
    expect(status).toBe(202);
    expect(json).toMatchObject({ siteId: 'blog', jobId: expect.any(String) });
  });

  it('refuses to promote a worse model without force (409), promotes with it, and records who forced it', async () => {
    const refused = await call('POST', '/api/v1/sites/blog/models/2/promote', 'owner', {});
    expect(refused).toMatchObject({ status: 409, json: { error: { code: 'worse_than_live' } } });

    const forced = await call('POST', '/api/v1/sites/blog/models/v2/promote', 'owner', { force: true });
    expect(forced).toMatchObject({ status: 200, json: { model: { version: 2, status: 'live' } } });
    const { json } = await call('GET', '/api/v1/sites/blog/models', 'admin');
    expect(json.live).toBe(2);
    expect(json.events[0]).toMatchObject({ action: 'promote', version: 2, forced: true });
  });

  it('rolls back to the shipped model, then says there is nothing to roll back', async () => {
    expect(await call('POST', '/api/v1/sites/blog/models/rollback', 'admin')).toMatchObject({ status: 200, json: { retired: 2, live: null } });
    expect(await call('POST', '/api/v1/sites/blog/models/rollback', 'admin')).toMatchObject({ status: 409, json: { error: { code: 'nothing_to_roll_back' } } });
  });

  it('puts a model in shadow and compares it with live (nothing compared yet)', async () => {
    expect(await call('POST', '/api/v1/sites/blog/models/1/shadow', 'owner')).toMatchObject({ status: 200, json: { model: { version: 1, status: 'shadow' } } });
    expect(await call('GET', '/api/v1/sites/blog/models/1/comparison', 'owner')).toMatchObject({ status: 200, json: { version: 1, compared: 0, agreed: 0, disagreements: [] } });
  });

  it.each([
    ['POST', '/api/v1/sites/blog/models/abc/promote', { force: true }, 400, 'version'],
    ['POST', '/api/v1/sites/blog/models/0/promote', {}, 400, 'version'],
    ['POST', '/api/v1/sites/blog/models/2/promote', { force: 'yes' }, 400, 'force'],
    ['POST', '/api/v1/sites/blog/models/2/promote', { force: true, extra: 1 }, 400, 'extra'],
    ['POST', '/api/v1/sites/blog/models/train', { siteId: 'other' }, 400, 'siteId'],
    ['GET', '/api/v1/sites/blog/models/1/comparison?limit=5000', undefined, 400, 'limit'],
  ])('%s %s with %j → %i naming %s', async (method, path, body, status, field) => {
    const { status: got, json } = await call(method, path, 'owner', body);
    expect({ got, field: json.error.field }).toEqual({ got: status, field });
  });

  it('answers a version the site does not have, or a site that does not exist, with 404', async () => {
    expect((await call('POST', '/api/v1/sites/blog/models/99/promote', 'owner', {})).status).toBe(404);
    expect((await call('GET', '/api/v1/sites/blog/models/99/comparison', 'owner')).status).toBe(404);
    expect((await call('GET', '/api/v1/sites/nowhere/models', 'admin')).status).toBe(404);
  });

  it('is for owners and admins: a moderator of the site gets 403, and another site’s models are untouched', async () => {
    expect((await call('GET', '/api/v1/sites/blog/models', 'moderator')).status).toBe(403);
    expect((await call('POST', '/api/v1/sites/blog/models/1/promote', 'moderator', {})).status).toBe(403);
    expect((await call('POST', '/api/v1/sites/other/models/1/promote', 'owner', {})).status).toBe(403);
    const other = await testDb.db.selectFrom('site_models').select('status').where('site_id', '=', 'other').execute();
    expect(other).toEqual([{ status: 'candidate' }]);
  });
});
