import { loadConfig } from '@moderato/config';
import { createDatabase, type Database } from '@moderato/db';
import type { Kysely } from 'kysely';

/** Runs one command's work on a one-connection pool, closed afterwards whatever happens. */
export async function withDatabase<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const db = createDatabase({ url: loadConfig().databaseUrl, maxConnections: 1 });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}
