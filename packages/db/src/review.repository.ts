import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { StoredCommentStatus } from '@moderato/core';
import type { Database } from './database';
import { executePrepared } from './prepared-statements';
import { decodeCursor, decodeTimeCursor, encodeCursor, InvalidCursorError } from './keyset-cursor';
import { reviewColumns, toReviewComment, type ReviewComment } from './review-comment';
import { filterConditions, type ReviewFilters } from './review-filters';

export type ReviewOrder = 'likely-bad' | 'oldest';

export interface ReviewQuery {
  siteId: string;
  status: StoredCommentStatus;
  order: ReviewOrder;
  cursor?: string;
  limit: number;
  filters?: ReviewFilters;
}

// -greatest(spam, toxicity): matches the index expression, so likely-bad first is an ascending keyset walk.
const badness = sql<number>`-greatest(c.spam_score, c.toxicity_score)`;

/** A row's place in the queue's order: its sort key and id. */
interface Placed {
  id: string;
  badness: number;
  created_at: Date;
}

/** Where a page starts: after the cursor's row, in the queue's order; none for the first page. */
function afterCursor(query: ReviewQuery): RawBuilder<boolean>[] {
  if (!query.cursor) return [];
  if (query.order === 'likely-bad') {
    const { key, id } = decodeCursor(query.cursor);
    if (typeof key !== 'number') throw new InvalidCursorError();
    return [sql<boolean>`(${badness}, c.id) > (${key}, ${id}::uuid)`];
  }
  const { at, id } = decodeTimeCursor(query.cursor);
  return [sql<boolean>`(c.created_at, c.id) > (${at}, ${id}::uuid)`];
}

/** The queue's order over rows of `alias` carrying badness, created_at and id. */
const orderKey = (order: ReviewOrder, alias: string) => sql.ref(`${alias}.${order === 'likely-bad' ? 'badness' : 'created_at'}`);

/** A page from up to limit + 1 rows in order: the extra row only says that there is a next page. */
function toPage<R extends Placed>(rows: R[], query: ReviewQuery, toComment: (row: R) => ReviewComment): { comments: ReviewComment[]; next: string | null } {
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const next = rows.length > query.limit && last ? encodeCursor(query.order === 'likely-bad' ? Number(last.badness) : last.created_at.toISOString(), last.id) : null;
  return { comments: page.map(toComment), next };
}

/**
 * One page of a site's comments in a status, likely-bad or oldest first,
 * keyset-paginated, optionally filtered. Unfiltered, it is one walk of the
 * order's index; filtered, see listFiltered.
 */
export async function listReviewQueue(db: Kysely<Database>, query: ReviewQuery): Promise<{ comments: ReviewComment[]; next: string | null }> {
  const filters = filterConditions(query.filters);
  if (filters.length > 0) return listFiltered(db, query, filters);
  let select = db
    .selectFrom('comments as c')
    .select(reviewColumns)
    .select(badness.as('badness'))
    .where('c.site_id', '=', query.siteId)
    .where('c.status', '=', query.status);
  for (const condition of afterCursor(query)) select = select.where(condition);
  // The unfiltered page is the hot one, in four shapes (two orders, with or without a cursor): prepared.
  const rows = await executePrepared(
    db,
    select
      .orderBy(query.order === 'likely-bad' ? badness : sql`c.created_at`)
      .orderBy('c.id')
      .limit(query.limit + 1),
  );
  return toPage(rows, query, toReviewComment);
}

/**
 * A filtered page, in one of two ways, since which is fast depends on how
 * many comments match, which Postgres misjudges (a prefix search is
 * estimated at 2 % without word statistics to go by; a walk can read the
 * whole queue to find a rare word):
 * 1. Walk the queue in its order, keeping what matches, until a page is
 *    full or WALK_ROWS_PER_ROW × (limit + 1) comments were read. Enough when
 *    one comment in forty matches or more (a common word, a large article).
 * 2. Otherwise the matches are few: read them all (through the body search
 *    index or the article index) and sort them. Materialised, so that
 *    Postgres cannot turn it back into the long walk. A short queue comes
 *    here too, and costs little either way.
 */
async function listFiltered(db: Kysely<Database>, query: ReviewQuery, filters: RawBuilder<boolean>[]) {
  const walkRows = WALK_ROWS_PER_ROW * (query.limit + 1);
  const inQueue = () => {
    let select = db
      .selectFrom('comments as c')
      .select(['c.id', 'c.created_at'])
      .select(badness.as('badness'))
      .where('c.site_id', '=', query.siteId)
      .where('c.status', '=', query.status);
    for (const condition of afterCursor(query)) select = select.where(condition);
    return select;
  };
  const allOf = sql.join(filters, sql` and `);

  const keyOf = query.order === 'likely-bad' ? badness : sql`c.created_at`;

  // A subquery, not a CTE: it streams, so the walk stops at the page's last match.
  const walk = inQueue().select(sql<boolean>`${allOf}`.as('hit')).orderBy(keyOf).orderBy('c.id').limit(walkRows);
  let placed: Placed[] = await db
    .selectFrom(walk.as('w'))
    .select(['w.id', 'w.created_at', 'w.badness'])
    .where('w.hit', '=', true)
    .orderBy(orderKey(query.order, 'w'))
    .orderBy('w.id')
    .limit(query.limit + 1)
    .execute();
  // Fewer than a page: there may be more past the walk (or the queue ended; reading the matches tells that too).
  if (placed.length <= query.limit) {
    placed = await db
      .with((cte) => cte('matches').materialized(), () => inQueue().where(sql<boolean>`${allOf}`))
      .selectFrom('matches as m')
      .selectAll()
      .orderBy(orderKey(query.order, 'm'))
      .orderBy('m.id')
      .limit(query.limit + 1)
      .execute();
  }
  if (placed.length === 0) return { comments: [], next: null };
  // Only the page's rows are read whole, with their authors' counts.
  const rows = await db.selectFrom('comments as c').select(reviewColumns).where('c.id', 'in', placed.map((p) => p.id)).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const found = placed.flatMap((p) => (byId.has(p.id) ? [{ ...p, row: byId.get(p.id)! }] : []));
  return toPage(found, query, ({ row }) => toReviewComment(row));
}

/**
 * How many comments a filtered page walks per row it needs before it reads
 * the matches instead (see listFiltered). Measured at 100,000 held comments,
 * walking costs about 2.5 µs a comment and reading the matches about 9 µs a
 * match: 40 walks up to 2,040 comments for a page of 50 (5 ms), and leaves
 * to reading what matches fewer than one comment in 40 (at most 25 ms there).
 */
const WALK_ROWS_PER_ROW = 40;

/** Counts stop here: past it a moderator needs "a lot", not an exact figure, and exact costs a full scan. */
export const COUNT_CAP = 10_000;

/**
 * How many of a site's comments are in each status, each counted up to
 * COUNT_CAP + 1 (an index-only scan of at most that many entries), so a
 * figure above COUNT_CAP reads "more than COUNT_CAP".
 */
export async function countByStatus(db: Kysely<Database>, siteId: string): Promise<Record<StoredCommentStatus, number>> {
  const countOf = async (status: StoredCommentStatus) => {
    const capped = db.selectFrom('comments').select(sql`1`.as('one')).where('site_id', '=', siteId).where('status', '=', status).limit(COUNT_CAP + 1);
    const row = await db.selectFrom(capped.as('capped')).select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    return Number(row.count);
  };
  const [held, approved, rejected] = await Promise.all([countOf('held'), countOf('approved'), countOf('rejected')]);
  return { held, approved, rejected };
}
