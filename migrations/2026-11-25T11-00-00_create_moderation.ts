import { type Kysely, sql } from 'kysely';

// Accounts, API tokens and moderator labels for the review queue.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // Staff sign-in address: not a commenter's, so it is stored as given (lower-cased).
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'owner', 'moderator')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('user_sites')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_sites_pk', ['user_id', 'site_id'])
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // SHA-256 of the token: the token itself is shown once and never stored.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  // What each audit row records: an automatic decision, a moderator action, an email reveal.
  await db.schema.alterTable('comment_events').addColumn('action', 'text', (c) => c.notNull().defaultTo('decide')).execute();

  // A moderator's decision as a training label for the scorers. One row per
  // comment, the latest decision winning; null means "says nothing about it".
  await db.schema
    .createTable('moderation_labels')
    .addColumn('comment_id', 'uuid', (c) => c.primaryKey().references('comments.id').onDelete('cascade'))
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('spam', 'boolean')
    .addColumn('toxic', 'boolean')
    .addColumn('labelled_by', 'uuid', (c) => c.notNull())
    .addColumn('labelled_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // The review queue, likely-bad first: keyset on (-max score, id), both
  // ascending, so a row-value comparison walks the index.
  await sql`create index comments_review_bad_first_idx on comments (site_id, status, (-greatest(spam_score, toxicity_score)), id)`.execute(db);
  // ... or oldest first.
  await db.schema.createIndex('comments_review_oldest_first_idx').on('comments').columns(['site_id', 'status', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_review_oldest_first_idx').execute();
  await db.schema.dropIndex('comments_review_bad_first_idx').execute();
  await db.schema.dropTable('moderation_labels').execute();
  await db.schema.alterTable('comment_events').dropColumn('action').execute();
  await db.schema.dropTable('api_tokens').execute();
  await db.schema.dropTable('user_sites').execute();
  await db.schema.dropTable('users').execute();
}
