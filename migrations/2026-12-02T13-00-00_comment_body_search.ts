import { sql, type Kysely } from 'kysely';

// The review queue's search and article filter.
//
// Search: a stored tsvector of the body with a GIN index over it.
// - The 'simple' configuration lower-cases and splits words but stems none:
//   bodies are English and Russian (and more), and one language's stemmer
//   would mangle the others. A search matches words and their beginnings.
// - Stored, not an index on the expression: a filtered queue page checks
//   candidate rows one by one as it walks the queue's order, and recomputing
//   to_tsvector per row costs about 15 µs, reading a stored one about 1 µs.
//   The plain queue read never touches the column.
// - No extension (pg_trgm would need CREATE on the database, and a superuser
//   where it is not trusted): the table owner can run this.
// Adding the column rewrites the table under an exclusive lock: about 5 s
// per 100,000 comments here. On a large live install, run it in a quiet hour.
//
// Article filter: a held article's comments, in a status, without walking
// the whole queue (the queue's indexes lead with site and status).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table comments add column body_search tsvector generated always as (to_tsvector('simple', body)) stored`.execute(db);
  await sql`create index comments_body_search_idx on comments using gin (body_search)`.execute(db);
  await sql`create index comments_review_article_idx on comments (site_id, article_id, status)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index comments_review_article_idx`.execute(db);
  await sql`drop index comments_body_search_idx`.execute(db);
  await sql`alter table comments drop column body_search`.execute(db);
}
