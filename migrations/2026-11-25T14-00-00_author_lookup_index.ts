import type { Kysely } from 'kysely';

// Every comment the worker scores looks up its author's earlier comments on
// the site (history, repeat posts): one index serves both, in time order.
// The email_hash index stays for privacy requests, which span every site.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('comments_author_lookup_idx').on('comments').columns(['site_id', 'email_hash', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_author_lookup_idx').execute();
}
