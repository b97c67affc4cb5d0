import type { ColumnType, Generated, JSONColumnType } from 'kysely';

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

/**
 * Lets this transaction delete audit rows (the trigger otherwise refuses):
 * for erasure and retention only, and only until the transaction ends.
 */
export const ALLOW_EVENT_DELETE = `set local moderato.allow_event_delete = 'on'`;
