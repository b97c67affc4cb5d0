import { sql, type Kysely } from 'kysely';
import type { AcceptedComment, StoredCommentStatus } from '@moderato/core';
import type { Database } from './database';
import { ALLOW_EVENT_DELETE } from './tables/privacy-events.table';

/** The text an erased comment keeps in place of its name and body. */
export const ERASED_TEXT = '[deleted]';

export type ErasureMode = 'placeholder' | 'delete';

/** A stored comment as its author gets it back: what was accepted (no sealed email or hashes), and its fate. */
export interface ExportedComment extends Pick<AcceptedComment, 'id' | 'siteId' | 'articleId' | 'parentId' | 'name' | 'body'> {
  status: StoredCommentStatus;
  createdAt: string;
  decidedAt: string;
}

/** Every comment stored under one keyed email hash, oldest first; the export is audited. */
export async function exportCommentsByEmailHash(db: Kysely<Database>, emailHash: string, actor: string): Promise<ExportedComment[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('comments')
      .select(['id', 'site_id', 'article_id', 'parent_id', 'author_name', 'body', 'status', 'created_at', 'decided_at'])
      .where('email_hash', '=', emailHash)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    await trx.insertInto('privacy_events').values({ action: 'export', mode: null, comment_ids: rows.map((r) => r.id), actor }).execute();
    return rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      articleId: r.article_id,
      parentId: r.parent_id,
      name: r.author_name,
      body: r.body,
      status: r.status,
      createdAt: r.created_at.toISOString(),
      decidedAt: r.decided_at.toISOString(),
    }));
  });
}

/**
 * Erases one person's comments in one transaction and returns their ids.
 * `placeholder` keeps each row (replies still have their parent) with name
 * and body "[deleted]", the sealed email and IP hash gone, and the email
 * hash replaced by a random tombstone (so it no longer groups or links),
 * plus an `erase` audit row per comment, and its shadow decisions deleted
 * (their reasons quote the body; a QA sample stays, it holds no text).
 * `delete` removes the rows and their audit rows (shadow decisions and QA
 * samples go with them). Either way one privacy_events row records the request,
 * and the email hash goes into erased_authors, so a comment accepted before now
 * but still in the queue is never written (the queue's copies are the
 * caller's to remove: removeJobsOfAuthor in @moderato/queue).
 */
export async function eraseCommentsByEmailHash(db: Kysely<Database>, request: { emailHash: string; mode: ErasureMode; actor: string }): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    // First: waits for a worker's insert of this author's comment to commit (so
    // the select below erases it too) and refuses every later one accepted before now.
    await sql`select record_erased_author(${request.emailHash})`.execute(trx);
    const rows = await trx.selectFrom('comments').select(['id', 'site_id', 'status']).where('email_hash', '=', request.emailHash).forUpdate().execute();
    const ids = rows.map((r) => r.id);
    if (ids.length > 0 && request.mode === 'placeholder') {
      await trx
        .updateTable('comments')
        .set({
          author_name: ERASED_TEXT,
          body: ERASED_TEXT,
          body_fingerprint: '',
          email_encrypted: 'erased',
          email_hash: sql<string>`'erased:' || gen_random_uuid()`,
          ip_hash: null,
          // Reasons may quote the matched words of the body.
          reasons: JSON.stringify([]),
          erased_at: sql<Date>`now()`,
          updated_at: sql<Date>`now()`,
        })
        .where('id', 'in', ids)
        .execute();
      await trx
        .insertInto('comment_events')
        .values(rows.map((r) => ({ comment_id: r.id, site_id: r.site_id, from_status: r.status, to_status: r.status, actor: request.actor, action: 'erase', reason: null })))
        .execute();
      // A shadow model's decisions quote the matched words too; the row stays, so its cascade does not fire.
      await trx.deleteFrom('shadow_decisions').where('comment_id', 'in', ids).execute();
    } else if (ids.length > 0) {
      await sql.raw(ALLOW_EVENT_DELETE).execute(trx);
      await trx.deleteFrom('comment_events').where('comment_id', 'in', ids).execute();
      await trx.deleteFrom('comments').where('id', 'in', ids).execute();
    }
    await trx.insertInto('privacy_events').values({ action: 'erase', mode: request.mode, comment_ids: ids, actor: request.actor }).execute();
    return ids;
  });
}
