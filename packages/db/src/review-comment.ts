import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Reason, StoredCommentStatus } from '@moderato/core';
import type { Database } from './database';
import type { CommentsTable } from './tables/comments.table';

/** A comment as a moderator sees it: everything but the email and its hash. */
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

const earlier = (status: StoredCommentStatus) =>
  sql<string>`(select count(*) from comments h
    where h.site_id = c.site_id and h.email_hash = c.email_hash and h.status = ${status} and h.created_at < c.created_at)`;

/** A ReviewComment's own columns, selected from `comments as c`: all but the author's counts. */
export const commentColumns = [
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
] as const;

/** The columns a ReviewComment is made of, selected from `comments as c`: its own, and the author's earlier comments counted. */
export const reviewColumns = (_eb: ExpressionBuilder<Database & { c: CommentsTable }, 'c'>) =>
  [...commentColumns, earlier('approved').as('author_approved'), earlier('rejected').as('author_rejected')] as const;

type ReviewRow = Pick<
  Selectable<CommentsTable>,
  'id' | 'article_id' | 'parent_id' | 'author_name' | 'body' | 'status' | 'language' | 'spam_score' | 'toxicity_score' | 'reasons' | 'created_at' | 'decided_at'
> & { author_approved: string; author_rejected: string };

export const toReviewComment = (r: ReviewRow): ReviewComment => ({
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
});
