import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export interface SitesTable {
  id: string;
  name: string;
  settings: JSONColumnType<Record<string, unknown>>;
  settings_version: ColumnType<number, number | undefined, number>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
