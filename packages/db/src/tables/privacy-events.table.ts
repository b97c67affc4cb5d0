import type { ColumnType, Generated, JSONColumnType, Kysely } from 'kysely';
import type { Database } from '../database';

/** One row per data-subject request or retention run; never the email or its hash. */
export interface PrivacyEventsTable {
  id: Generated<string>;
  action: 'export' | 'erase' | 'retention';
  /** `placeholder` or `delete` for an erasure; null otherwise. */
  mode: string | null;
  comment_ids: ColumnType<string[], string[] | undefined, never>;
  details: JSONColumnType<Record<string, unknown>, Record<string, unknown> | undefined, never>;
  /** `system:cli`, `system:retention`, or a staff user id. */
  actor: string;
  created_at: ColumnType<Date, never, never>;
}

/** What the privacy migration adds, kept beside the repositories that use it. */
export type PrivacyTables = {
  privacy_events: PrivacyEventsTable;
  comments: Database['comments'] & { erased_at: ColumnType<Date | null, never, Date | string | null> };
};

/** The database with the privacy columns and table in its type. */
export const withPrivacyTables = (db: Kysely<Database>): Kysely<Database & PrivacyTables> => db.withTables<PrivacyTables>();

/**
 * Lets this transaction delete audit rows (the trigger otherwise refuses):
 * for erasure and retention only, and only until the transaction ends.
 */
export const ALLOW_EVENT_DELETE = `set local moderato.allow_event_delete = 'on'`;
