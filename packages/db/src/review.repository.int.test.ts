import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { givenSite } from '../../../test/support/fixtures';
import { listReviewQueue, type ReviewOrder } from './review.repository';
import type { ReviewFilters } from './review-filters';

// A filtered page either walks the queue or reads the matches (see listFiltered):
// these queues are long enough that a page of one walks 40 comments and no more.
let testDb: TestDatabase;
const ROWS = 120;

/** Comment i of the queue: badness falls and age grows with i, so both orders list 1, 2, 3 ... */
const idOf = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'long');
  await givenSite(testDb.db, 'other');
  await sql`
    insert into comments (id, site_id, article_id, author_name, email_encrypted, email_hash, body, status,
      spam_score, toxicity_score, reasons, model_version, thresholds, created_at, decided_at, language)
    select ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'long',
      case when i in (3, 95) then 'rare-article' else 'common-article' end, 'Reader', 'v1.x.y.z', md5(i::text),
      case when i in (3, 95) then 'a needle in the haystack' when i % 2 = 0 then 'an even comment' else 'an odd comment' end,
      'held', 1 - i / 1000.0, 0, '[]'::jsonb, 'test', '{}'::jsonb,
      -- Milliseconds, as the intake stamps them (a cursor carries a JavaScript date).
      date_trunc('milliseconds', now()) - interval '1 day' + (i || ' minutes')::interval, now(), 'en'
    from generate_series(1, ${ROWS}::int) as i`.execute(testDb.db);
  // The same rare words on another site, nearer the top of its queue.
  await sql`
    insert into comments (id, site_id, article_id, author_name, email_encrypted, email_hash, body, status,
      spam_score, toxicity_score, reasons, model_version, thresholds, created_at, decided_at)
    select gen_random_uuid(), 'other', 'rare-article', 'Reader', 'v1.x.y.z', md5(i::text), 'a needle elsewhere', 'held', 0.99, 0, '[]'::jsonb, 'test', '{}'::jsonb, now(), now()
    from generate_series(1, 5) as i`.execute(testDb.db);
});
afterAll(() => testDb.close());

/** Every page of a filtered queue, a comment per page, as numbers i. */
async function allPages(order: ReviewOrder, filters: ReviewFilters): Promise<number[]> {
  const found: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await listReviewQueue(testDb.db, { siteId: 'long', status: 'held', order, limit: 1, cursor, filters });
    found.push(...page.comments.map((c) => Number(c.id.slice(-12))));
    cursor = page.next ?? undefined;
  } while (cursor && found.length <= ROWS);
  return found;
}

describe('listReviewQueue with filters', () => {
  it.each(['likely-bad', 'oldest'] as const)('finds matches past the walk (%s first), page by page, on this site only', async (order) => {
    expect(await allPages(order, { search: 'needle' })).toEqual([3, 95]);
    expect(await allPages(order, { articleId: 'rare-article' })).toEqual([3, 95]);
  });

  it('finds what most comments match within the walk, in order', async () => {
    const page = await listReviewQueue(testDb.db, { siteId: 'long', status: 'held', order: 'likely-bad', limit: 5, filters: { search: 'even' } });
    expect(page.comments.map((c) => Number(c.id.slice(-12)))).toEqual([2, 4, 6, 8, 10]);
    expect(page.next).not.toBeNull();
  });

  it('finds nothing where nothing matches, walked or read', async () => {
    expect(await allPages('likely-bad', { search: 'absent' })).toEqual([]);
    expect(await allPages('oldest', { search: 'needle', articleId: 'common-article' })).toEqual([]);
  });

  it('ends a short queue with the walk alone', async () => {
    const page = await listReviewQueue(testDb.db, { siteId: 'long', status: 'held', order: 'oldest', limit: 200, filters: { search: 'odd' } });
    // The odd ones but 3 and 95, which say "needle".
    expect(page.comments).toHaveLength(ROWS / 2 - 2);
    expect(page.next).toBeNull();
  });

  it('refuses a cursor of the other order', async () => {
    const first = await listReviewQueue(testDb.db, { siteId: 'long', status: 'held', order: 'oldest', limit: 1, filters: { search: 'needle' } });
    await expect(listReviewQueue(testDb.db, { siteId: 'long', status: 'held', order: 'likely-bad', limit: 1, cursor: first.next!, filters: { search: 'needle' } })).rejects.toThrow(
      'cursor is not one this API returned',
    );
  });
});
