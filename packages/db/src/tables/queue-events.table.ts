import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** What was done to queue jobs outside normal processing. */
export type QueueEventAction = 'retry' | 'discard' | 'expire' | 'erase';

/** Append-only: one row per audited queue operation (a trigger refuses UPDATE and DELETE). */
export interface QueueEventsTable {
  id: Generated<string>;
  action: QueueEventAction;
  /** The jobs affected: comment ids, never payloads. */
  job_ids: ColumnType<string[], string[], never>;
  details: JSONColumnType<Record<string, unknown>, Record<string, unknown> | undefined, never>;
  /** `system:cli`, `system:retention`, or a staff user id. */
  actor: string;
  created_at: ColumnType<Date, never, never>;
}
