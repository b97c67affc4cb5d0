import { sql, type Insertable, type Kysely } from 'kysely';
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

/** One scored comment to store with its decision, for recordDecisions. */
export interface ScoredComment {
  comment: AcceptedComment;
  score: ScoreResult;
  context?: DecisionContext;
  /** Also put it on the site's QA list (an automatic approval drawn at the site's qaSampleRate). */
  qaSample?: boolean;
}

/** The columns an accepted comment fills as it came in, whoever decides it (the worker, or an import). */
export function acceptedCommentColumns(comment: AcceptedComment): Pick<
  Insertable<Database['comments']>,
  'id' | 'site_id' | 'article_id' | 'parent_id' | 'author_name' | 'email_encrypted' | 'email_hash' | 'ip_hash' | 'body'
> {
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
  };
}

function commentRow({ comment, score, context = {} }: ScoredComment, decidedAt: Date): Insertable<Database['comments']> {
  return {
    ...acceptedCommentColumns(comment),
    body_fingerprint: score.fingerprint,
    language: score.language,
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

/**
 * Stores scored comments and their audit rows in one statement: a multi-row insert of
 * the comments (conflicts on the id do nothing) whose RETURNING feeds the
 * audit rows, so exactly the comments inserted get one, atomically, in one
 * round trip (a transaction of BEGIN, two INSERTs and COMMIT was four).
 * Still idempotent; a comment listed twice is written once. Returns, in
 * order, whether each was written by this call. Comments drawn for QA join
 * the QA list in the same statement, only if this call wrote them approved:
 * a retried job draws again, and must not add a sample the first run did not.
 */
export async function recordDecisions(db: Kysely<Database>, decisions: readonly ScoredComment[]): Promise<boolean[]> {
  const firstIndex = new Map<string, number>();
  decisions.forEach((d, i) => firstIndex.has(d.comment.id) || firstIndex.set(d.comment.id, i));
  const unique = [...firstIndex.values()].map((i) => decisions[i]!);
  if (unique.length === 0) return [];
  const decidedAt = new Date();
  const qaSampled = unique.filter((d) => d.qaSample).map((d) => d.comment.id);
  const rows = await db
    .with('inserted', (qb) =>
      qb
        .insertInto('comments')
        .values(unique.map((d) => commentRow(d, decidedAt)))
        .onConflict((oc) => oc.column('id').doNothing())
        .returning(['id', 'site_id', 'status', 'spam_score', 'toxicity_score', 'model_version', 'thresholds', 'settings_version']),
    )
    .with('qa_sampled', (qb) =>
      qb
        .insertInto('qa_samples')
        .columns(['comment_id', 'site_id', 'sampled_at'])
        .expression((eb) =>
          eb
            .selectFrom('inserted')
            .select(['inserted.id', 'inserted.site_id', sql<Date>`${decidedAt}::timestamptz`.as('sampled_at')])
            .where('inserted.status', '=', 'approved')
            .where(sql<boolean>`inserted.id = any(${qaSampled}::uuid[])`),
        )
        .onConflict((oc) => oc.column('comment_id').doNothing()),
    )
    .insertInto('comment_events')
    .columns(['comment_id', 'site_id', 'from_status', 'to_status', 'actor', 'reason', 'details'])
    .expression((eb) =>
      eb.selectFrom('inserted').select([
        'inserted.id',
        'inserted.site_id',
        sql.lit('pending').as('from_status'),
        'inserted.status',
        sql.lit(SCORER_ACTOR).as('actor'),
        sql<null>`null`.as('reason'),
        sql<Record<string, unknown>>`jsonb_build_object(
          'spam', inserted.spam_score, 'toxicity', inserted.toxicity_score, 'modelVersion', inserted.model_version,
          'thresholds', inserted.thresholds, 'settingsVersion', inserted.settings_version)`.as('details'),
      ]),
    )
    .returning('comment_id')
    .execute();
  const inserted = new Set(rows.map((r) => r.comment_id));
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

