import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Append-only: a trigger refuses UPDATE and DELETE. */
export interface CommentEventsTable {
  id: Generated<string>;
  comment_id: string;
  site_id: string;
  from_status: string;
  to_status: string;
  /** `system:scorer` for automatic decisions, later a user id for moderators. */
  actor: string;
  reason: string | null;
  details: JSONColumnType<Record<string, unknown>, Record<string, unknown> | undefined>;
  created_at: ColumnType<Date, never, never>;
}
