import type { ColumnType } from 'kysely';
import type { ImportSource } from '@moderato/core';

/** One row per source comment imported into a site; outlives the comment (see the migration). */
export interface CommentImportsTable {
  site_id: string;
  source: ImportSource;
  /** The comment's id in the old system. */
  source_id: string;
  comment_id: string;
  imported_at: ColumnType<Date, Date | undefined, never>;
}
