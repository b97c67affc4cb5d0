import type { ColumnType, Generated } from 'kysely';
import type { UserRole } from '@moderato/core';

export interface UsersTable {
  id: Generated<string>;
  email: string;
  password_hash: string;
  role: UserRole;
  /** The dashboard's language tag; null follows the browser. */
  language: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<Date, never, never>;
}

export interface UserSitesTable {
  user_id: string;
  site_id: string;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  /** SHA-256 hex of the token; the token itself is never stored. */
  token_hash: string;
  created_at: ColumnType<Date, never, never>;
  last_used_at: ColumnType<Date | null, never, Date>;
  revoked_at: ColumnType<Date | null, never, Date>;
  /** Past this the token is refused; the database gives 90 days when none is set. */
  expires_at: ColumnType<Date, Date | undefined, never>;
}
