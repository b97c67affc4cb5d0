import { sql, type Kysely } from 'kysely';
import type { StoredCommentStatus } from '@moderato/core';
import type { Database } from './database';
import { decodeTimeCursor, encodeCursor } from './keyset-cursor';
import { commentColumns, toReviewComment, type ReviewComment } from './review-comment';

/** Every comment of one author on one site, and how many are in each status. */
export interface AuthorComments {
  comments: ReviewComment[];
  next: string | null;
  counts: Record<StoredCommentStatus, number>;
}

/**
 * The comments on `siteId` written with the same email as comment
 * `commentId` (by the keyed email hash, which never leaves this query),
 * every status, newest first, keyset-paginated. Only that site's comments:
 * the same email on another site is another site's business. An erased
 * author's comments each carry a hash of their own, so they list alone.
 */
export async function listAuthorComments(
  db: Kysely<Database>,
  { siteId, commentId, cursor, limit }: { siteId: string; commentId: string; cursor?: string; limit: number },
): Promise<AuthorComments> {
  const authorHash = db.selectFrom('comments as a').select('a.email_hash').where('a.id', '=', commentId).where('a.site_id', '=', siteId);
  // The author's earlier comments per row, counted along the author's own rows in one pass (a count
  // per row, as the queue does it, costs the square of a prolific author's comments).
  const before = (status: StoredCommentStatus) =>
    sql<string>`count(*) filter (where c.status = ${status}) over (order by c.created_at, c.id rows between unbounded preceding and 1 preceding)`;
  const authored = db
    .selectFrom('comments as c')
    .select(commentColumns)
    .select([before('approved').as('author_approved'), before('rejected').as('author_rejected')])
    .where('c.site_id', '=', siteId)
    .where('c.email_hash', '=', authorHash);
  let select = db.with('authored', () => authored).selectFrom('authored as c').selectAll().orderBy('c.created_at', 'desc').orderBy('c.id', 'desc');
  if (cursor) {
    const { at, id } = decodeTimeCursor(cursor);
    select = select.where((eb) => eb(eb.refTuple('c.created_at', 'c.id'), '<', eb.tuple(at, id)));
  }
  const [rows, byStatus] = await Promise.all([
    select.limit(limit + 1).execute(),
    db
      .selectFrom('comments as c')
      .select(['c.status', sql<string>`count(*)`.as('count')])
      .where('c.site_id', '=', siteId)
      .where('c.email_hash', '=', authorHash)
      .groupBy('c.status')
      .execute(),
  ]);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const counts: Record<StoredCommentStatus, number> = { held: 0, approved: 0, rejected: 0 };
  for (const row of byStatus) counts[row.status] = Number(row.count);
  return {
    comments: page.map(toReviewComment),
    next: rows.length > limit && last ? encodeCursor(last.created_at.toISOString(), last.id) : null,
    counts,
  };
}
