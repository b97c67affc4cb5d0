import { type Kysely, sql } from 'kysely';
import type { StoredCommentStatus } from '@moderato/core';
import type { Database } from './database';

export interface CommentEvent {
  /** `intake`, `decide` (automatic), `approve` / `reject` / `spam`, `reveal-email`. */
  action: string;
  at: string;
  /** `system:intake`, `system:scorer`, or a user's email. */
  actor: string;
  from: string | null;
  to: string;
  reason: string | null;
  details: Record<string, unknown>;
}

/** The comment's site and status, or undefined when there is no such comment. */
export async function findCommentSite(db: Kysely<Database>, id: string): Promise<{ siteId: string; status: StoredCommentStatus } | undefined> {
  const row = await db.selectFrom('comments').select(['site_id', 'status']).where('id', '=', id).executeTakeFirst();
  return row && { siteId: row.site_id, status: row.status };
}

/** Every step of a comment's life, oldest first, starting with its intake. */
export async function listCommentHistory(db: Kysely<Database>, id: string): Promise<CommentEvent[]> {
  const comment = await db.selectFrom('comments').select('created_at').where('id', '=', id).executeTakeFirst();
  if (!comment) return [];
  const rows = await db
    .selectFrom('comment_events as e')
    .leftJoin('users as u', (join) => join.on(sql<boolean>`u.id::text = e.actor`))
    .select(['e.action', 'e.created_at', 'e.actor', 'u.email', 'e.from_status', 'e.to_status', 'e.reason', 'e.details'])
    .where('e.comment_id', '=', id)
    .orderBy('e.id')
    .execute();
  const intake: CommentEvent = { action: 'intake', at: comment.created_at.toISOString(), actor: 'system:intake', from: null, to: 'pending', reason: null, details: {} };
  return [
    intake,
    ...rows.map((r) => ({
      action: r.action,
      at: r.created_at.toISOString(),
      actor: r.email ?? r.actor,
      from: r.from_status,
      to: r.to_status,
      reason: r.reason,
      details: r.details,
    })),
  ];
}

/** Reads the sealed email for an admin and records that it was revealed, in one transaction. */
export async function revealSealedEmail(db: Kysely<Database>, id: string, actor: string): Promise<string | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('comments').select(['site_id', 'status', 'email_encrypted']).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    await trx
      .insertInto('comment_events')
      .values({ comment_id: id, site_id: row.site_id, from_status: row.status, to_status: row.status, actor, action: 'reveal-email', reason: null })
      .execute();
    return row.email_encrypted;
  });
}
