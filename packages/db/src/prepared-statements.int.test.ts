import { sql, type Kysely } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { givenSite } from '../../../test/support/fixtures';
import { createDatabase, type Database } from './database';
import { listReviewQueue } from './review.repository';

// The review page runs as a named prepared statement; everything else as before.
let testDb: TestDatabase;
let oneConnection: Kysely<Database>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
  // One connection, so the session that prepared the statement is the one asked about it.
  oneConnection = createDatabase({ url: testDb.url, maxConnections: 1 });
});
afterAll(async () => {
  await oneConnection.destroy();
  await testDb.close();
});

const preparedNames = async () =>
  (await sql<{ name: string }>`select name from pg_prepared_statements where name like 'moderato_%' order by name`.execute(oneConnection)).rows.map((r) => r.name);

it('prepares the review page once per connection and answers as the unprepared query does', async () => {
  const query = { siteId: 'blog', status: 'held', order: 'likely-bad', limit: 50 } as const;
  const first = await listReviewQueue(oneConnection, query);
  const names = await preparedNames();
  expect(names).toHaveLength(1);
  expect(await listReviewQueue(oneConnection, query)).toEqual(first);
  expect(await listReviewQueue(oneConnection, { ...query, order: 'oldest' })).toEqual(first);
  // Another shape (the other order) is another statement; the same shape is reused.
  expect(await preparedNames()).toHaveLength(2);
  expect(await listReviewQueue(testDb.db, query)).toEqual(first);
});

it('leaves queries nobody opted in unnamed', async () => {
  const before = await preparedNames();
  await oneConnection.selectFrom('sites').select('id').where('id', 'in', ['blog', 'other']).execute();
  expect(await preparedNames()).toEqual(before);
});
