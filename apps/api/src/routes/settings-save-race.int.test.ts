import { sql } from 'kysely';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../../test/support/test-database';
import { givenSite } from '../../../../test/support/fixtures';
import { bearer, givenStaff } from '../../../../test/support/staff';
import { startApiUnderTest, type ApiUnderTest } from '../../../../test/support/api-under-test';
import { eventually } from '../../../../test/support/eventually';

// Two owners save different settings at the same moment: both edits survive.
let testDb: TestDatabase;
let api: ApiUnderTest;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
  tokens.first = (await givenStaff(testDb.db, 'first@example.org', 'owner', ['blog'])).token;
  tokens.second = (await givenStaff(testDb.db, 'second@example.org', 'owner', ['blog'])).token;
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() });
});
afterAll(async () => {
  await api.sut.close();
  await testDb.close();
});

const save = async (who: string, patch: unknown) => {
  const response = await fetch(`${api.sut.url}/api/v1/sites/blog/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...bearer(tokens[who]!) },
    body: JSON.stringify(patch),
  });
  return { status: response.status, json: (await response.json()) as any };
};

/** Sessions of the test database waiting for a row lock. */
async function lockWaiters(): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(testDb.db);
  return rows[0]!.n;
}

it('keeps both of two concurrent saves of different keys, as two new versions', async () => {
  // Hold the site row so that both saves are in flight together, then let them go.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holder = testDb.db.transaction().execute(async (trx) => {
    await trx.selectFrom('sites').select('id').where('id', '=', 'blog').forUpdate().execute();
    locked();
    await held;
  });
  await isLocked;

  const saves = Promise.all([save('first', { maxLinks: 7 }), save('second', { premoderate: true })]);
  await eventually(async () => ((await lockWaiters()) >= 2 ? true : undefined), 10_000, 'both saves to wait for the row');
  release();
  await holder;
  const [first, second] = await saves;

  expect([first.status, second.status]).toEqual([200, 200]);
  expect([first.json.version, second.json.version].sort()).toEqual([2, 3]);
  const stored = await testDb.db.selectFrom('sites').select(['settings', 'settings_version']).where('id', '=', 'blog').executeTakeFirstOrThrow();
  expect(stored.settings_version).toBe(3);
  expect(stored.settings).toMatchObject({ maxLinks: 7, premoderate: true });
  const latest = first.json.version === 3 ? first.json : second.json;
  expect(latest.settings).toMatchObject({ maxLinks: 7, premoderate: true });
});
