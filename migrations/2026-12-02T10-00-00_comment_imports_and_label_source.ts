import { type Kysely, sql } from 'kysely';

// Comments imported from WordPress or Disqus (`moderato import`).
//
// comment_imports: one row per source comment ever imported into a site,
//   keyed by (site, source, id in the source): a second import of the same
//   file skips what the first one stored. No foreign key to comments, on
//   purpose: when an imported comment is erased (delete mode) or purged by
//   retention, its row stays, so importing the old file again does not bring
//   the comment back. It holds no personal data, only the old system's ids.
// moderation_labels.source: 'moderator' for a decision taken in Moderato,
//   'import' for an old system's verdict, so training and reports can tell
//   them apart. labelled_by becomes text: an import is recorded as the CLI
//   user (`cli:<name>`), not a staff user id.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('comment_imports')
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('wordpress', 'disqus')`))
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('comment_id', 'uuid', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('comment_imports_pkey', ['site_id', 'source', 'source_id'])
    .execute();
  // Retention asks, per old held or rejected comment, whether it was imported recently.
  await db.schema.createIndex('comment_imports_comment_idx').on('comment_imports').columns(['comment_id', 'imported_at']).execute();

  await db.schema
    .alterTable('moderation_labels')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('moderator').check(sql`source in ('moderator', 'import')`))
    .execute();
  await db.schema.alterTable('moderation_labels').alterColumn('labelled_by', (c) => c.setDataType('text')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('moderation_labels').where('source', '=', 'import').execute();
  await sql`alter table moderation_labels alter column labelled_by type uuid using labelled_by::uuid`.execute(db);
  await db.schema.alterTable('moderation_labels').dropColumn('source').execute();
  await db.schema.dropTable('comment_imports').execute();
}
