import type { Kysely } from 'kysely';

// Site model training reads one site's labels up to a cutoff, newest first,
// and the nightly run counts each site's labels newer than its last model:
// both walk this index instead of every site's labels.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('moderation_labels_site_time_idx').on('moderation_labels').columns(['site_id', 'labelled_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('moderation_labels_site_time_idx').execute();
}
