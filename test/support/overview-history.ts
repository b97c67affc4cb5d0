import { sql, type Kysely } from 'kysely';
import { labelForAction, STATUS_AFTER_ACTION, type Decision, type ModerationAction, type Reason } from '@moderato/core';
import { recordDecisions, type Database } from '@moderato/db';
import { acceptedComment, scoreResult } from './comment-factory';

const DAY_MS = 86_400_000;

/** One comment of a site's history: when it arrived, what the scorer decided, and what moderators did later. */
export interface PastComment {
  /** When it arrived, in days before `now` (fractions allowed). */
  daysAgo: number;
  decision: Decision;
  /** 'en' unless given; null for a comment decided before languages were detected. */
  language?: string | null;
  /** Reason codes, in the order the scorer gave them (a code may repeat). */
  reasons?: string[];
  /** Moderator actions in order, each `daysAgo` before `now`. */
  actions?: Array<{ action: ModerationAction; daysAgo: number }>;
}

/**
 * Writes a site's history: the comments through the worker's own write
 * (recordDecisions), arriving in the past; then each moderator action as
 * moderateComments records it (status, audit row, label), dated in the past:
 * the audit trail refuses to be edited, so its rows are written with their
 * time rather than moved there afterwards. Returns the comment ids in order.
 */
export async function givenSiteHistory(db: Kysely<Database>, options: { siteId: string; moderatorId: string; now?: Date; comments: PastComment[] }): Promise<string[]> {
  const now = (options.now ?? new Date()).getTime();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS);
  const scored = options.comments.map((past) => ({
    comment: acceptedComment({ siteId: options.siteId, acceptedAt: at(past.daysAgo).toISOString(), body: `A comment from ${past.daysAgo} days ago` }),
    score: scoreResult(past.decision, {
      // No language: decided before languages were detected (stored as null).
      language: past.language === undefined ? 'en' : (past.language ?? undefined),
      reasons: (past.reasons ?? []).map((code): Reason => ({ code, message: `${code} says so`, value: 0.5 })),
    }),
  }));
  await recordDecisions(db, scored);
  for (const [i, past] of options.comments.entries()) {
    const id = scored[i]!.comment.id;
    for (const { action, daysAgo } of past.actions ?? []) {
      const when = at(daysAgo);
      const status = STATUS_AFTER_ACTION[action];
      const label = labelForAction(action);
      await db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ status: string }>`select status from comments where id = ${id} for update`.execute(trx);
        await sql`update comments set status = ${status}, decided_at = ${when} where id = ${id}`.execute(trx);
        await sql`
          insert into comment_events (comment_id, site_id, from_status, to_status, actor, action, created_at)
          values (${id}, ${options.siteId}, ${rows[0]!.status}, ${status}, ${options.moderatorId}, ${action}, ${when})`.execute(trx);
        await sql`
          insert into moderation_labels (comment_id, site_id, spam, toxic, labelled_by, labelled_at)
          values (${id}, ${options.siteId}, ${label.spam}, ${label.toxic}, ${options.moderatorId}, ${when})
          on conflict (comment_id) do update set spam = excluded.spam, toxic = excluded.toxic, labelled_by = excluded.labelled_by, labelled_at = excluded.labelled_at`.execute(trx);
      });
    }
  }
  return scored.map((s) => s.comment.id);
}
