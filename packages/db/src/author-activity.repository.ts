import type { Kysely } from 'kysely';
import type { Database } from './database';

/** How far back, and how many, of an author's comments repeat-post detection looks at. */
export interface RecentBodiesOptions {
  /** Default: 24 hours before `now`. */
  since?: Date;
  /** Default 20: enough to see a campaign, small enough to compare in microseconds. */
  limit?: number;
  /** Leave this comment out (a retried job must not find itself). */
  excludeId?: string;
  now?: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Bodies of the author's (keyed email hash) recent comments on one site,
 * whatever their status, newest first: spam held or rejected earlier still
 * counts as a copy.
 */
export async function findRecentBodies(db: Kysely<Database>, siteId: string, emailHash: string, options: RecentBodiesOptions = {}): Promise<string[]> {
  const now = options.now ?? new Date();
  let query = db
    .selectFrom('comments')
    .select('body')
    .where('site_id', '=', siteId)
    .where('email_hash', '=', emailHash)
    .where('created_at', '>=', options.since ?? new Date(now.getTime() - DAY_MS))
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(options.limit ?? 20);
  if (options.excludeId) query = query.where('id', '!=', options.excludeId);
  const rows = await query.execute();
  return rows.map((row) => row.body);
}
