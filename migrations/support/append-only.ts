import { sql, type Kysely } from 'kysely';

/**
 * Makes a table append-only in the database itself: a trigger refuses every
 * update and delete, whoever sends them. Applied migrations call this, so the
 * SQL it sends must never change; a different rule is a new migration (as
 * 2026-11-25T13-00-00 does for comment_events). This folder holds no
 * migrations: the migrator reads only the files directly in `migrations/`.
 */
export async function makeAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  const name = sql.raw(`${table}_append_only`);
  await sql`
    create function ${name}() returns trigger language plpgsql as $$
    begin
      raise exception '${sql.raw(table)} is append-only';
    end $$`.execute(db);
  await sql`
    create trigger ${name} before update or delete on ${sql.raw(table)}
    for each row execute function ${name}()`.execute(db);
}
