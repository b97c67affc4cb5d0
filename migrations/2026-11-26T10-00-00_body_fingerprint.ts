import type { Kysely } from 'kysely';

// Repeat-post detection compares a new comment with its author's recent
// ones; storing each comment's fingerprint saves folding up to 20 earlier
// bodies for every new comment (the worst case is a spam wave). Null for
// comments stored before this column: the worker then reads their bodies.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').addColumn('body_fingerprint', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').dropColumn('body_fingerprint').execute();
}
