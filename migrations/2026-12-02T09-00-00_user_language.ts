import type { Kysely } from 'kysely';

// The dashboard's language, chosen by each staff user; null follows the
// browser's. The API checks it against the dashboard's catalogues.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('language').execute();
}
