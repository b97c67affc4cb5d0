import { type Kysely, sql } from 'kysely';

// Site settings become versioned (who changed what, when; every decision
// names the version it was made under), and articles get their own switches.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sites').addColumn('settings_version', 'integer', (c) => c.notNull().defaultTo(1)).execute();

  await db.schema
    .createTable('site_settings_versions')
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('settings', 'jsonb', (c) => c.notNull())
    // Null for changes made outside the dashboard/API (the CLI at site creation).
    .addColumn('changed_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('site_settings_versions_pk', ['site_id', 'version'])
    .execute();
  await sql`insert into site_settings_versions (site_id, version, settings) select id, 1, settings from sites`.execute(db);

  await db.schema.alterTable('comments').addColumn('settings_version', 'integer').execute();
  // The author's approved comments before this one, as the worker saw them:
  // a settings preview re-applies "hold new commenters" from it.
  await db.schema.alterTable('comments').addColumn('author_approved_before', 'integer').execute();

  await db.schema
    .createTable('article_settings')
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('closed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('premoderate', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('article_settings_pk', ['site_id', 'article_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('article_settings').execute();
  await db.schema.alterTable('comments').dropColumn('author_approved_before').execute();
  await db.schema.alterTable('comments').dropColumn('settings_version').execute();
  await db.schema.dropTable('site_settings_versions').execute();
  await db.schema.alterTable('sites').dropColumn('settings_version').execute();
}
