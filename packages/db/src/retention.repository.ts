import { sql, type Kysely } from 'kysely';
import type { Database } from './database';
import { ALLOW_EVENT_DELETE } from './tables/privacy-events.table';

/** The actor retention runs record in privacy_events. */
export const RETENTION_ACTOR = 'system:retention';

// Small batches: each is one short transaction, so a large first purge never
// holds locks on the comments table for long.
const BATCH = 1_000;

export interface RetentionResult {
  purgedComments: number;
  clearedIpHashes: number;
  /** Erased authors' email hashes kept longer than the retention age. */
  expiredErasures: number;
}

/**
 * Deletes held and rejected comments (and their audit rows) accepted before
 * `before`, and clears the IP hash of every older comment still keeping one.
 * A held or rejected comment brought by `moderato import` is kept for the
 * retention period counted from its import, not from when it was written
 * (years ago, as a rule): otherwise the first run after an import would
 * delete the old system's pending comments before anyone reviewed them, and
 * its spam verdicts before any site model learnt from them.
 * Approved comments stay: they are the public thread. Erased authors' hashes
 * go too: by then no job accepted before the erasure is left in the queue
 * (dead letters expire at the same age). One privacy_events row records the
 * run's counts.
 */
export async function purgeExpired(db: Kysely<Database>, before: Date): Promise<RetentionResult> {
  let purgedComments = 0;
  for (;;) {
    const purged = await db.transaction().execute(async (trx) => {
      const ids = (
        await trx
          .selectFrom('comments')
          .select('id')
          .where('status', 'in', ['held', 'rejected'])
          .where('created_at', '<', before)
          // An imported comment's age counts from its import (see purgeExpired).
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom('comment_imports as i').select('i.comment_id').whereRef('i.comment_id', '=', 'comments.id').where('i.imported_at', '>=', before))),
          )
          .limit(BATCH)
          .forUpdate()
          .skipLocked()
          .execute()
      ).map((r) => r.id);
      if (ids.length === 0) return 0;
      await sql.raw(ALLOW_EVENT_DELETE).execute(trx);
      await trx.deleteFrom('comment_events').where('comment_id', 'in', ids).execute();
      await trx.deleteFrom('comments').where('id', 'in', ids).execute();
      return ids.length;
    });
    purgedComments += purged;
    if (purged < BATCH) break;
  }
  let clearedIpHashes = 0;
  for (;;) {
    const cleared = await db
      .updateTable('comments')
      .set({ ip_hash: null, updated_at: sql<Date>`now()` })
      .where('id', 'in', (eb) => eb.selectFrom('comments').select('id').where('ip_hash', 'is not', null).where('created_at', '<', before).limit(BATCH))
      .executeTakeFirst();
    const count = Number(cleared.numUpdatedRows);
    clearedIpHashes += count;
    if (count < BATCH) break;
  }
  const expired = await db.deleteFrom('erased_authors').where('erased_at', '<', before).executeTakeFirst();
  const expiredErasures = Number(expired.numDeletedRows);
  await db
    .insertInto('privacy_events')
    .values({ action: 'retention', mode: null, details: { before: before.toISOString(), purgedComments, clearedIpHashes, expiredErasures }, actor: RETENTION_ACTOR })
    .execute();
  return { purgedComments, clearedIpHashes, expiredErasures };
}
