import { type Kysely, sql } from 'kysely';
import type { Reason, StoredCommentStatus } from '@moderato/core';
import type { Database } from './database';
import { decodeCursor, decodeTimeCursor, encodeCursor, InvalidCursorError } from './keyset-cursor';

/** A comment as a moderator sees it: everything but the email. */
export interface ReviewComment {
  id: string;
  articleId: string;
  parentId: string | null;
  name: string;
  body: string;
  status: StoredCommentStatus;
  /** The language the scorer judged it as; null for comments decided before detection existed. */
  language: string | null;
  spam: number;
  toxicity: number;
  reasons: Reason[];
  createdAt: string;
  decidedAt: string;
  /** The author's earlier comments on this site, found by the keyed email hash. */
  author: { approved: number; rejected: number };
}

export type ReviewOrder = 'likely-bad' | 'oldest';

export interface ReviewQuery {
  siteId: string;
  status: StoredCommentStatus;
  order: ReviewOrder;
  cursor?: string;
  limit: number;
}

// -greatest(spam, toxicity): matches the index expression, so likely-bad first is an ascending keyset walk.
const badness = sql<number>`-greatest(c.spam_score, c.toxicity_score)`;

const earlier = (status: StoredCommentStatus) =>
  sql<string>`(select count(*) from comments h
    where h.site_id = c.site_id and h.email_hash = c.email_hash and h.status = ${status} and h.created_at < c.created_at)`;

/** One page of a site's comments in a status, likely-bad or oldest first, keyset-paginated. */
export async function listReviewQueue(db: Kysely<Database>, query: ReviewQuery): Promise<{ comments: ReviewComment[]; next: string | null }> {
  let select = db
    .selectFrom('comments as c')
    .select([
      'c.id',
      'c.article_id',
      'c.parent_id',
      'c.author_name',
      'c.body',
      'c.status',
      'c.language',
      'c.spam_score',
      'c.toxicity_score',
      'c.reasons',
      'c.created_at',
      'c.decided_at',
      badness.as('badness'),
      earlier('approved').as('author_approved'),
      earlier('rejected').as('author_rejected'),
    ])
    .where('c.site_id', '=', query.siteId)
    .where('c.status', '=', query.status);

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
  return {
    comments: page.map((r) => ({
      id: r.id,
      articleId: r.article_id,
      parentId: r.parent_id,
      name: r.author_name,
      body: r.body,
      status: r.status,
      language: r.language,
      spam: r.spam_score,
      toxicity: r.toxicity_score,
      reasons: r.reasons,
      createdAt: r.created_at.toISOString(),
      decidedAt: r.decided_at.toISOString(),
      author: { approved: Number(r.author_approved), rejected: Number(r.author_rejected) },
    })),
    next,
  };
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
