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
        await trx.selectFrom('comments').select('id').where('status', 'in', ['held', 'rejected']).where('created_at', '<', before).limit(BATCH).forUpdate().skipLocked().execute()
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
