import { randomBytes } from 'node:crypto';
import type { Kysely, KyselyPlugin } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { givenSite } from '../../../test/support/fixtures';
import type { Database } from './database';
import { createSiteDirectory, type SiteDirectory } from './site-directory';

let testDb: TestDatabase;
let queries: number;
let sut: SiteDirectory;

/** The test database, counting every query sent through it. */
function countingDb(db: Kysely<Database>): Kysely<Database> {
  const counter: KyselyPlugin = {
    transformQuery: ({ node }) => {
      queries += 1;
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return db.withPlugin(counter);
}

const randomId = () => `nope-${randomBytes(6).toString('hex')}`;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'known');
});
afterAll(() => testDb.close());

beforeEach(async () => {
  // No periodic reload during a test: only look-ups count.
  sut = createSiteDirectory({ db: countingDb(testDb.db), refreshIntervalMs: 3_600_000 });
  await sut.refresh();
  queries = 0;
});
afterEach(() => sut.stop());

it('serves a known site from memory', async () => {
  expect((await sut.find('known'))?.id).toBe('known');
  expect(queries).toBe(0);
});

it('finds a site created after the last reload at once', async () => {
  await givenSite(testDb.db, 'brand-new');
  expect((await sut.find('brand-new'))?.id).toBe('brand-new');
  // Kept in memory from then on.
  const after = queries;
  expect((await sut.find('brand-new'))?.id).toBe('brand-new');
  expect(queries).toBe(after);
});

it('asks Postgres once for concurrent look-ups of one unknown id, then remembers it is unknown', async () => {
  const id = randomId();
  expect(await Promise.all(Array.from({ length: 50 }, () => sut.find(id)))).toEqual(new Array(50).fill(undefined));
  expect(queries).toBe(1);
  expect(await sut.find(id)).toBeUndefined();
  expect(queries).toBe(1);
});

it('keeps a flood of random unknown ids to a few small queries', async () => {
  const startedAt = Date.now();
  const waves: Promise<unknown>[] = [];
  // 5,000 distinct ids in 10 waves over about half a second.
  for (let wave = 0; wave < 10; wave++) {
    waves.push(...Array.from({ length: 500 }, () => sut.find(randomId())));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const answers = await Promise.all(waves);
  const elapsedMs = Date.now() - startedAt;
  expect(answers.every((answer) => answer === undefined)).toBe(true);
  // At most one query started per 100 ms (one per batch: an unknown id costs no second query).
  expect(queries).toBeLessThanOrEqual(Math.ceil(elapsedMs / 100) + 1);
  // A real site is still found while the flood is answered.
  expect((await sut.find('known'))?.id).toBe('known');
});
