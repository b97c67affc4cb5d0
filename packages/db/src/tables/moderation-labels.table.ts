import type { ColumnType } from 'kysely';

/** Where a label came from: a decision taken in Moderato, or an old system's verdict brought by `moderato import`. */
export type LabelSource = 'moderator' | 'import';

/** A moderator's decision as a training label; null says nothing about that class. */
export interface ModerationLabelsTable {
  comment_id: string;
  site_id: string;
  spam: boolean | null;
  toxic: boolean | null;
  /** A staff user id, or `cli:<name>` for an import. */
  labelled_by: string;
  labelled_at: ColumnType<Date, Date | undefined, Date>;
  source: ColumnType<LabelSource, LabelSource | undefined, LabelSource>;
}
