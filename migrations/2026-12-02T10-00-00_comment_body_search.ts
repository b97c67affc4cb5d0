import { sql, type Kysely } from 'kysely';

// The review queue's full-text search: a GIN index over the body's words.
// - The 'simple' configuration lower-cases and splits words but stems none:
//   bodies are English and Russian (and more), and one stemmer per index
//   would mangle the other languages. A search matches words and their
//   beginnings ("moder" finds "moderation"), in any language.
// - An index on the expression, not a stored generated column: nothing is
//   added to the rows (the plain queue read fetches them, wider rows would
//   slow it), and no table rewrite when this migration runs.
// - No extension (pg_trgm would need CREATE on the database, and a
//   superuser where it is not trusted): this works for any table owner.
// Building it locks writes to comments for as long as it takes (about a
// second per 100,000 comments here); on a large live install build it first
// by hand with CREATE INDEX CONCURRENTLY under the same name and definition.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists comments_body_search_idx on comments using gin (to_tsvector('simple', body))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index comments_body_search_idx`.execute(db);
}
