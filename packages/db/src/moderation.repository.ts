import type { Kysely, Transaction } from 'kysely';
import { labelForAction, STATUS_AFTER_ACTION, type ModerationAction, type ModerationLabel, type StoredCommentStatus } from '@moderato/core';
import type { Database } from './database';
import { proposedValues } from './upsert';

export interface ModerationRequest {
  ids: string[];
  action: ModerationAction;
  reason: string | null;
  /** The status the moderator saw; if any comment has moved on since, nothing changes. */
  expectedStatus?: StoredCommentStatus;
  /** The moderator's user id. */
  actor: string;
  /** Whether the moderator may act on a site. */
  mayModerate: (siteId: string) => boolean;
}

export interface ModeratedComment {
  id: string;
  siteId: string;
  status: StoredCommentStatus;
  /** The status before this action: the same as `status` when the action changed nothing (e.g. approving an approved comment). */
  previousStatus: StoredCommentStatus;
}

export class CommentsNotFoundError extends Error {
  constructor(readonly ids: string[]) {
    super(`no such comment: ${ids.join(', ')}`);
    this.name = 'CommentsNotFoundError';
  }
}

export class StaleStatusError extends Error {
  constructor(readonly conflicts: Array<{ id: string; status: StoredCommentStatus }>) {
    super(`${conflicts.length} comment(s) changed status since they were loaded`);
    this.name = 'StaleStatusError';
  }
}

/**
 * Applies one moderator action to one or many comments, all or nothing, in
 * one transaction: lock the rows (in id order, so two bulk actions cannot
 * deadlock), check access and the status the moderator saw, update, write an
 * audit row and a training label per comment. Of two moderators acting on
 * the same comment with the status they saw, one wins and the other gets
 * StaleStatusError.
 */
export async function moderateComments(db: Kysely<Database>, request: ModerationRequest): Promise<ModeratedComment[]> {
  return db.transaction().execute((trx) => applyModeration(trx, request));
}

/** moderateComments inside a transaction the caller holds, for writes that must commit with the action (a QA verdict). */
export async function applyModeration(trx: Transaction<Database>, request: ModerationRequest): Promise<ModeratedComment[]> {
  const ids = [...new Set(request.ids)].sort();
  const status = STATUS_AFTER_ACTION[request.action];
  const locked = await trx.selectFrom('comments').select(['id', 'site_id', 'status']).where('id', 'in', ids).orderBy('id').forUpdate().execute();
  // A comment on a site the moderator cannot act on is answered as one that does not exist:
  // telling it apart would say that the id is real, and where.
  const rows = locked.filter((r) => request.mayModerate(r.site_id));
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw new CommentsNotFoundError(missing);
  const stale = request.expectedStatus ? rows.filter((r) => r.status !== request.expectedStatus) : [];
  if (stale.length > 0) throw new StaleStatusError(stale.map((r) => ({ id: r.id, status: r.status })));

  const now = new Date();
  await trx.updateTable('comments').set({ status, decided_at: now }).where('id', 'in', ids).execute();
  await trx
    .insertInto('comment_events')
    .values(
      rows.map((r) => ({
        comment_id: r.id,
        site_id: r.site_id,
        from_status: r.status,
        to_status: status,
        actor: request.actor,
        action: request.action,
        reason: request.reason,
      })),
    )
    .execute();
  await upsertLabels(trx, rows.map((r) => ({ id: r.id, siteId: r.site_id })), labelForAction(request.action), request.actor, now);
  return rows.map((r) => ({ id: r.id, siteId: r.site_id, status, previousStatus: r.status }));
}

/**
 * Records (or replaces) the training label of each comment: the latest
 * moderator's word counts, and replaces an imported verdict too (the label's
 * source becomes `moderator` again).
 */
export async function upsertLabels(
  trx: Transaction<Database>,
  comments: ReadonlyArray<{ id: string; siteId: string }>,
  label: ModerationLabel,
  actor: string,
  at: Date,
): Promise<void> {
  await trx
    .insertInto('moderation_labels')
    .values(comments.map((c) => ({ comment_id: c.id, site_id: c.siteId, ...label, labelled_by: actor, labelled_at: at })))
    .onConflict((oc) =>
      oc.column('comment_id').doUpdateSet((eb) => proposedValues(eb, ['spam', 'toxic', 'labelled_by', 'labelled_at', 'source'])),
    )
    .execute();
}
