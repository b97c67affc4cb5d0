import type { Kysely } from 'kysely';
import type { WebhookComment } from '@moderato/core';
import type { Database } from './database';

/**
 * A comment as a webhook tells of it, read when the event is delivered (so
 * an erasure in between is honoured). The columns are named one by one:
 * never the sealed email, its hash or the IP hash.
 */
export async function findWebhookComment(db: Kysely<Database>, commentId: string): Promise<WebhookComment | undefined> {
  const row = await db
    .selectFrom('comments')
    .select(['id', 'article_id', 'parent_id', 'author_name', 'body', 'language', 'created_at', 'spam_score', 'toxicity_score', 'reasons'])
    .where('id', '=', commentId)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      articleId: row.article_id,
      parentId: row.parent_id,
      authorName: row.author_name,
      body: row.body,
      language: row.language,
      createdAt: row.created_at.toISOString(),
      scores: { spam: row.spam_score, toxicity: row.toxicity_score },
      reasons: row.reasons.map((reason) => reason.code),
    }
  );
}
