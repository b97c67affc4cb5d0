import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Append-only: a trigger refuses UPDATE and DELETE. */
export interface CommentEventsTable {
  id: Generated<string>;
  comment_id: string;
  site_id: string;
  from_status: string;
  to_status: string;
  /** `system:scorer` for automatic decisions, else the moderator's user id. */
  actor: string;
  /** `decide` (automatic), `approve` / `reject` / `spam` (moderator), `reveal-email` (admin). */
  action: ColumnType<string, string | undefined, never>;
  reason: string | null;
  details: JSONColumnType<Record<string, unknown>, Record<string, unknown> | undefined>;
  created_at: ColumnType<Date, never, never>;
}
