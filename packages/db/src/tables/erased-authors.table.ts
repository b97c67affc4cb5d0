import type { ColumnType } from 'kysely';

/**
 * Keyed email hashes of erased authors: a comment by one of them accepted
 * before the erasure is refused at insert (see the migration's trigger).
 */
export interface ErasedAuthorsTable {
  email_hash: string;
  erased_at: ColumnType<Date, never, never>;
}
