import { type Kysely, sql } from 'kysely';
import { makeAppendOnly } from './support/append-only';

// Migrations take Kysely<any> and import no app code: they must keep
// describing the schema as it was on the day they were written.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('settings', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('article_id', 'text', (c) => c.notNull())
    // No foreign key: a reply can be decided before the comment it answers.
    .addColumn('parent_id', 'uuid')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('email_encrypted', 'text', (c) => c.notNull())
    .addColumn('email_hash', 'text', (c) => c.notNull())
    .addColumn('ip_hash', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('approved', 'held', 'rejected')`))
    .addColumn('spam_score', 'double precision', (c) => c.notNull())
    .addColumn('toxicity_score', 'double precision', (c) => c.notNull())
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('thresholds', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // The public thread: approved comments of one article, oldest first (keyset).
  await sql`create index comments_thread_idx on comments (site_id, article_id, created_at, id) where status = 'approved'`.execute(db);
  // The review queue per site and status.
  await db.schema.createIndex('comments_site_status_idx').on('comments').columns(['site_id', 'status', 'created_at']).execute();
  // An author's history, found by the keyed email hash.
  await db.schema.createIndex('comments_email_hash_idx').on('comments').columns(['email_hash']).execute();

  await db.schema
    .createTable('comment_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('comment_id', 'uuid', (c) => c.notNull().references('comments.id'))
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('comment_events_comment_idx').on('comment_events').columns(['comment_id', 'id']).execute();

  // The audit trail is append-only: the database itself refuses edits.
  await makeAppendOnly(db, 'comment_events');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('comment_events').execute();
  await sql`drop function comment_events_append_only()`.execute(db);
  await db.schema.dropTable('comments').execute();
  await db.schema.dropTable('sites').execute();
}
