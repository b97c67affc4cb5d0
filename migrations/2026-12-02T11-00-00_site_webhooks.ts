import { type Kysely, sql } from 'kysely';

// Webhooks: one per site, and the log of every delivery attempt.
//
// site_webhooks: where a site's events go, in which format, which events.
//   The signing secret is not stored: it is worked out from MODERATO_SECRET
//   and secret_salt, so a copy of the database signs nothing.
// webhook_deliveries: one row per attempt (status code or our own error
//   words, duration), never the payload or the receiver's answer. Each site
//   keeps 30 days and at most 1,000 rows (trimmed as rows are added).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('site_webhooks')
    .addColumn('site_id', 'text', (c) => c.primaryKey().references('sites.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull().check(sql`length(url) <= 2048`))
    .addColumn('secret_salt', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().defaultTo('json').check(sql`format in ('json', 'slack')`))
    .addColumn('events', sql`text[]`, (c) =>
      c
        .notNull()
        .defaultTo(sql`'{comment.held,comment.rejected,comment.approved}'::text[]`)
        .check(sql`events <@ array['comment.held', 'comment.rejected', 'comment.approved']::text[]`),
    )
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('comment_id', 'uuid')
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('delivered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index webhook_deliveries_site_idx on webhook_deliveries (site_id, id desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('site_webhooks').execute();
}
