import { type Kysely, sql } from 'kysely';

// Data-subject requests and retention. Two needs collide with the append-only
// audit trail: a comment erased in `delete` mode, or purged by retention, has
// audit rows that reference it. The trigger keeps refusing every UPDATE and
// every DELETE, except a DELETE inside a transaction that has said, with
// `set local moderato.allow_event_delete = 'on'`, that it is an erasure. The
// flag dies with the transaction, so no pooled connection keeps it. It guards
// against application bugs, not against someone with SQL access (who could
// drop the trigger anyway); every such transaction writes a privacy_events row.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').addColumn('erased_at', 'timestamptz').execute();

  await sql`
    create or replace function comment_events_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and current_setting('moderato.allow_event_delete', true) = 'on' then
        return old;
      end if;
      raise exception 'comment_events is append-only';
    end $$`.execute(db);

  // One row per request (export, erase) or retention run: what, how many, by whom.
  // No email and no hash: the audit must not become a record of the person.
  await db.schema
    .createTable('privacy_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('export', 'erase', 'retention')`))
    .addColumn('mode', 'text')
    .addColumn('comment_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'::uuid[]`))
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Retention walks old held/rejected comments and old IP hashes by age.
  await sql`create index comments_retention_idx on comments (created_at) where status in ('held', 'rejected')`.execute(db);
  await sql`create index comments_ip_hash_age_idx on comments (created_at) where ip_hash is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index comments_ip_hash_age_idx`.execute(db);
  await sql`drop index comments_retention_idx`.execute(db);
  await db.schema.dropTable('privacy_events').execute();
  await sql`
    create or replace function comment_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'comment_events is append-only';
    end $$`.execute(db);
  await db.schema.alterTable('comments').dropColumn('erased_at').execute();
}
