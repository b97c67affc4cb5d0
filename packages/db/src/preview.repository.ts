import { sql, type Kysely } from 'kysely';
import { PREVIEW_EXCERPT_LENGTH, type ChangedCommentText, type PreviewComment } from '@moderato/core';
import type { Database } from './database';
import { UNSCORED_IMPORT_MODEL_VERSION } from './import.repository';

/**
 * A site's most recent decided comments with their scores, reasons and
 * moderator labels; their texts only when asked (rules are to be re-run).
 * Comments imported without scoring are left out: their zero scores would
 * preview as approvals.
 */
export async function listRecentForPreview(db: Kysely<Database>, siteId: string, limit: number, { withBodies }: { withBodies: boolean }): Promise<PreviewComment[]> {
  const rows = await db
    .selectFrom('comments as c')
    .leftJoin('moderation_labels as l', 'l.comment_id', 'c.id')
    .select((eb) => [withBodies ? eb.ref('c.body').as('body') : eb.val('').as('body')])
    .select(['c.id', 'c.spam_score', 'c.toxicity_score', 'c.reasons', 'c.author_approved_before', 'l.comment_id as labelled', 'l.spam', 'l.toxic'])
    .where('c.site_id', '=', siteId)
    .where('c.model_version', '!=', UNSCORED_IMPORT_MODEL_VERSION)
    .orderBy('c.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    spam: r.spam_score,
    toxicity: r.toxicity_score,
    body: r.body,
    storedReasons: r.reasons,
    authorApprovedBefore: r.author_approved_before,
    label: r.labelled ? { spam: r.spam, toxic: r.toxic } : null,
  }));
}

/**
 * The name, article and start of the body of the given comments of a site,
 * by id: what the preview lists for each changed decision. Another site's
 * id, or one erased since, is simply absent.
 */
export async function listPreviewCommentTexts(db: Kysely<Database>, siteId: string, ids: string[]): Promise<Map<string, ChangedCommentText>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('comments')
    .select(['id', 'author_name', 'article_id'])
    .select(sql<string>`left(body, ${PREVIEW_EXCERPT_LENGTH})`.as('excerpt'))
    .select(sql<boolean>`length(body) > ${PREVIEW_EXCERPT_LENGTH}`.as('truncated'))
    .where('site_id', '=', siteId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.author_name, articleId: r.article_id, excerpt: r.excerpt, truncated: r.truncated }]));
}
