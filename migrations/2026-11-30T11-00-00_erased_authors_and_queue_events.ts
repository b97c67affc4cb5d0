import { type Kysely, sql } from 'kysely';
import { makeAppendOnly } from './support/append-only';

// Two gaps between Postgres and the queue.
//
// 1. A comment still queued (or being scored) when its author is erased must
//    not be written afterwards. Erasure leaves a tombstone, the keyed email
//    hash and when it was erased; a trigger drops any insert of a comment by
//    that hash accepted before then. A comment the same person sends after
//    the erasure is stored as usual.
//    The race between a worker's insert and an erasure is closed with an
//    advisory lock on the email hash's bucket (one of 64): the insert holds it
//    shared, the erasure exclusive. Buckets, not one lock per hash, because a
//    transaction keeps every lock it took: a bulk insert of 20,000 authors
//    ran out of lock memory ("out of shared memory"); an erasure, rare and
//    short, blocks 1/64 of inserts for its moment. If the erasure locks first, the insert waits, then its check
//    (a fresh snapshot: plpgsql runs each query with its own) sees the
//    tombstone. If the insert locks first, the erasure waits for its commit,
//    then finds and erases the new row like any other.
// 2. Queue operations that remove or re-run jobs (an admin's retry or
//    discard, retention, erasure) leave an append-only audit row.
const LOCK_CLASS = 1_297_040_453; // 'MODE': keeps these locks apart from any other advisory lock

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('erased_authors')
    .addColumn('email_hash', 'text', (c) => c.primaryKey())
    .addColumn('erased_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index erased_authors_age_idx on erased_authors (erased_at)`.execute(db);

  await sql.raw(`
    create function record_erased_author(hash text) returns void language plpgsql as $$
    begin
      perform pg_advisory_xact_lock(${LOCK_CLASS}, hashtext(hash) & 63);
      insert into erased_authors (email_hash) values (hash)
        on conflict (email_hash) do update set erased_at = now();
    end $$`).execute(db);

  await sql.raw(`
    create function comments_refuse_erased_author() returns trigger language plpgsql as $$
    begin
      perform pg_advisory_xact_lock_shared(${LOCK_CLASS}, hashtext(new.email_hash) & 63);
      if exists (select 1 from erased_authors where email_hash = new.email_hash and erased_at > new.created_at) then
        return null;
      end if;
      return new;
    end $$`).execute(db);
  await sql`
    create trigger comments_refuse_erased_author before insert on comments
    for each row execute function comments_refuse_erased_author()`.execute(db);

  await db.schema
    .createTable('queue_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('retry', 'discard', 'expire', 'erase')`))
    // Job ids are comment ids; a poison job may carry any id, hence text.
    .addColumn('job_ids', sql`text[]`, (c) => c.notNull())
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await makeAppendOnly(db, 'queue_events');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('queue_events').execute();
  await sql`drop function queue_events_append_only()`.execute(db);
  await sql`drop trigger comments_refuse_erased_author on comments`.execute(db);
  await sql`drop function comments_refuse_erased_author()`.execute(db);
  await sql`drop function record_erased_author(text)`.execute(db);
  await db.schema.dropTable('erased_authors').execute();
}
