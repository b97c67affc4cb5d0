import type { Kysely } from 'kysely';

// The language the scorer detected (ISO 639-1, or 'und'), so moderators see
// which model judged a comment and the queue can be filtered by it. Null for
// comments decided before languages were detected.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').dropColumn('language').execute();
}
