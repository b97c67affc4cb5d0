import type { ColumnType } from 'kysely';

/** A moderator's decision as a training label; null says nothing about that class. */
export interface ModerationLabelsTable {
  comment_id: string;
  site_id: string;
  spam: boolean | null;
  toxic: boolean | null;
  labelled_by: string;
  labelled_at: ColumnType<Date, Date | undefined, Date>;
}
