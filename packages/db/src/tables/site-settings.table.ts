import type { ColumnType, JSONColumnType } from 'kysely';

export interface SiteSettingsVersionsTable {
  site_id: string;
  version: number;
  settings: JSONColumnType<Record<string, unknown>>;
  changed_by: string | null;
  created_at: ColumnType<Date, never, never>;
}

export interface ArticleSettingsTable {
  site_id: string;
  article_id: string;
  closed: ColumnType<boolean, boolean | undefined, boolean>;
  premoderate: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
