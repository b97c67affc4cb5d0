import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { StoredCommentStatus } from '@moderato/core';
import { bodyMatches, searchTsQuery } from './body-search';
import type { Database } from './database';
import { decodeCursor, decodeTimeCursor, encodeCursor, InvalidCursorError } from './keyset-cursor';
import { reviewColumns, toReviewComment, type ReviewComment } from './review-comment';
import type { CommentsTable } from './tables/comments.table';

export type ReviewOrder = 'likely-bad' | 'oldest';

/** The language filter's choices: the two languages with models, any other detected one, none recognised. */
export const REVIEW_LANGUAGES = ['en', 'ru', 'other', 'und'] as const;
export type ReviewLanguage = (typeof REVIEW_LANGUAGES)[number];

/** Narrowing a queue page; every filter given must hold. */
export interface ReviewFilters {
  articleId?: string;
  /** 'other': a detected language without a model; comments decided before detection existed match none. */
  language?: ReviewLanguage;
  /** A reason code recorded with the decision ('links', 'spam-model' ...). */
  reason?: string;
  /** Words of the body (see searchTsQuery). */
  search?: string;
}

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

type QueueSelect = SelectQueryBuilder<Database & { c: CommentsTable }, 'c', object>;

/**
 * Adds the filters as plain conditions on the queue's index walk: a filter
 * that most comments pass costs a recheck per row, a narrow one lets the
 * planner start from the body search index or the article's rows instead.
 */
function withFilters<S extends QueueSelect>(select: S, filters: ReviewFilters): S {
  let filtered = select;
  if (filters.articleId !== undefined) filtered = filtered.where('c.article_id', '=', filters.articleId) as S;
  if (filters.language === 'other') {
    filtered = filtered.where('c.language', 'is not', null).where('c.language', 'not in', ['en', 'ru', 'und']) as S;
  } else if (filters.language !== undefined) {
    filtered = filtered.where('c.language', '=', filters.language) as S;
  }
  if (filters.reason !== undefined) {
    filtered = filtered.where(sql<boolean>`c.reasons @> ${JSON.stringify([{ code: filters.reason }])}::jsonb`) as S;
  }
  if (filters.search !== undefined) {
    const tsQuery = searchTsQuery(filters.search);
    // Nothing searchable (only punctuation) finds nothing, rather than everything.
    filtered = filtered.where(tsQuery === null ? sql<boolean>`false` : bodyMatches(tsQuery)) as S;
  }
  return filtered;
}

/** One page of a site's comments in a status, likely-bad or oldest first, keyset-paginated, optionally filtered. */
export async function listReviewQueue(db: Kysely<Database>, query: ReviewQuery): Promise<{ comments: ReviewComment[]; next: string | null }> {
  let select = db
    .selectFrom('comments as c')
    .select(reviewColumns)
    .select(badness.as('badness'))
    .where('c.site_id', '=', query.siteId)
    .where('c.status', '=', query.status);
  if (query.filters) select = withFilters(select, query.filters);

  if (query.order === 'likely-bad') {
    if (query.cursor) {
      const { key, id } = decodeCursor(query.cursor);
      if (typeof key !== 'number') throw new InvalidCursorError();
      select = select.where(sql<boolean>`(${badness}, c.id) > (${key}, ${id}::uuid)`);
    }
    select = select.orderBy(badness).orderBy('c.id');
  } else {
    if (query.cursor) {
      const { at, id } = decodeTimeCursor(query.cursor);
      select = select.where((eb) => eb(eb.refTuple('c.created_at', 'c.id'), '>', eb.tuple(at, id)));
    }
    select = select.orderBy('c.created_at').orderBy('c.id');
  }

  const rows = await select.limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const next =
    rows.length > query.limit && last
      ? encodeCursor(query.order === 'likely-bad' ? Number(last.badness) : last.created_at.toISOString(), last.id)
      : null;
  return { comments: page.map(toReviewComment), next };
}

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
