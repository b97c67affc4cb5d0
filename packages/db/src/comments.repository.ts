import { type Insertable, type Kysely, type Transaction } from 'kysely';
import type { AcceptedComment, AuthorHistory, ScoreResult, StoredCommentStatus } from '@moderato/core';
import { STATUS_FOR_DECISION } from '@moderato/core';
import type { Database } from './database';
import { decodeTimeCursor, encodeCursor } from './keyset-cursor';

/** The actor recorded for automatic decisions in the audit trail. */
export const SCORER_ACTOR = 'system:scorer';

/** What a decision records beyond the score: the settings version and the author's history. */
export interface DecisionContext {
  settingsVersion?: number;
  authorApprovedBefore?: number;
}

/** One scored comment to store, for recordDecisions. */
export interface Decision {
  comment: AcceptedComment;
  score: ScoreResult;
  context?: DecisionContext;
}

function commentRow({ comment, score, context = {} }: Decision, decidedAt: Date): Insertable<Database['comments']> {
  return {
    id: comment.id,
    site_id: comment.siteId,
    article_id: comment.articleId,
    parent_id: comment.parentId,
    author_name: comment.name,
    email_encrypted: comment.emailEncrypted,
    email_hash: comment.emailHash,
    ip_hash: comment.ipHash,
    body: comment.body,
    status: STATUS_FOR_DECISION[score.decision],
    spam_score: score.spam,
    toxicity_score: score.toxicity,
    reasons: JSON.stringify(score.reasons),
    model_version: score.modelVersion,
    thresholds: JSON.stringify(score.thresholds),
    settings_version: context.settingsVersion ?? null,
    author_approved_before: context.authorApprovedBefore ?? null,
    created_at: comment.acceptedAt,
    decided_at: decidedAt,
  };
}

function auditRow({ comment, score, context = {} }: Decision): Insertable<Database['comment_events']> {
  return {
    comment_id: comment.id,
    site_id: comment.siteId,
    from_status: 'pending',
    to_status: STATUS_FOR_DECISION[score.decision],
    actor: SCORER_ACTOR,
    reason: null,
    details: {
      spam: score.spam,
      toxicity: score.toxicity,
      modelVersion: score.modelVersion,
      thresholds: score.thresholds,
      settingsVersion: context.settingsVersion ?? null,
    },
  };
}

/**
 * Stores a scored comment and its audit row in one transaction. Idempotent:
 * the comment id is the primary key, so a job that runs twice keeps the first
 * decision and writes no second audit row. Returns whether this call wrote it.
 */
export async function recordDecision(
  db: Kysely<Database>,
  comment: AcceptedComment,
  score: ScoreResult,
  context: DecisionContext = {},
): Promise<boolean> {
  const [written] = await recordDecisions(db, [{ comment, score, context }]);
  return written ?? false;
}

/**
 * recordDecision for many comments in one transaction: one multi-row insert
 * of the comments (conflicts on the id do nothing), then audit rows for
 * exactly the ones inserted. Still idempotent; a comment listed twice is
 * written once. Returns, in order, whether each was written by this call.
 */
export async function recordDecisions(db: Kysely<Database>, decisions: readonly Decision[]): Promise<boolean[]> {
  const firstIndex = new Map<string, number>();
  decisions.forEach((d, i) => firstIndex.has(d.comment.id) || firstIndex.set(d.comment.id, i));
  const unique = [...firstIndex.values()].map((i) => decisions[i]!);
  if (unique.length === 0) return [];
  const decidedAt = new Date();
  const inserted = await db.transaction().execute(async (trx: Transaction<Database>) => {
    const rows = await trx
      .insertInto('comments')
      .values(unique.map((d) => commentRow(d, decidedAt)))
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    const ids = new Set(rows.map((r) => r.id));
    const audited = unique.filter((d) => ids.has(d.comment.id));
    if (audited.length > 0) await trx.insertInto('comment_events').values(audited.map(auditRow)).execute();
    return ids;
  });
  return decisions.map((d, i) => firstIndex.get(d.comment.id) === i && inserted.has(d.comment.id));
}

export async function findCommentStatus(db: Kysely<Database>, id: string): Promise<StoredCommentStatus | undefined> {
  const row = await db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirst();
  return row?.status;
}

/** Earlier decided comments by the same author (keyed email hash) on one site. */
export async function findAuthorHistory(db: Kysely<Database>, siteId: string, emailHash: string): Promise<AuthorHistory> {
  const rows = await db
    .selectFrom('comments')
    .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
    .where('site_id', '=', siteId)
    .where('email_hash', '=', emailHash)
    .where('status', 'in', ['approved', 'rejected'])
    .groupBy('status')
    .execute();
  const count = (status: StoredCommentStatus) => Number(rows.find((r) => r.status === status)?.count ?? 0);
  return { approved: count('approved'), rejected: count('rejected') };
}

export interface ThreadComment {
  id: string;
  parentId: string | null;
  name: string;
  body: string;
  createdAt: string;
}

export interface ThreadPage {
  comments: ThreadComment[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  next: string | null;
}

/** Approved comments of one article, oldest first, keyset-paginated on (created_at, id). */
export async function listApprovedThread(
  db: Kysely<Database>,
  query: { siteId: string; articleId: string; cursor?: string; limit: number },
): Promise<ThreadPage> {
  let select = db
    .selectFrom('comments')
    .select(['id', 'parent_id', 'author_name', 'body', 'created_at'])
    .where('site_id', '=', query.siteId)
    .where('article_id', '=', query.articleId)
    .where('status', '=', 'approved');
  if (query.cursor) {
    const after = decodeTimeCursor(query.cursor);
    select = select.where((eb) => eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(after.at, after.id)));
  }
  const rows = await select.orderBy('created_at').orderBy('id').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    comments: page.map((r) => ({
      id: r.id,
      parentId: r.parent_id,
      name: r.author_name,
      body: r.body,
      createdAt: r.created_at.toISOString(),
    })),
    next: rows.length > query.limit && last ? encodeCursor(last.created_at.toISOString(), last.id) : null,
  };
}

