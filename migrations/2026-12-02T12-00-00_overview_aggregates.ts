import { type Kysely, sql } from 'kysely';

// The overview page's aggregates over a site's recent comments, each an
// index-only scan instead of a read of the rows (measured in
// docs/overview.md with npm run bench:review).
//
// reason_codes: the codes of a comment's reasons as JSON text
//   ('["links", "spam-model"]'), kept by Postgres beside the reasons themselves
//   (which are large: messages, matched words, spans) so the overview index
//   can carry them. Text, not jsonb: grouping by it hashes a short string,
//   measured two to three times faster than a jsonb value. Adding it rewrites the table once.
//   An erasure that empties the reasons empties the codes with them.
// comments_overview_idx: a site's comments by arrival time with what the
//   overview counts (id for moderator approvals, status, language, reason codes).
// comments_site_status_idx goes: comments_review_oldest_first_idx (site_id,
//   status, created_at, id) answers everything it did, so a comment insert
//   still updates as many indexes as before.
// comment_events_moderator_idx: moderator actions per site and time (a few
//   per hundred events), for moderator approvals and overrides.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table comments add column reason_codes text generated always as (jsonb_path_query_array(reasons, '$[*].code')::text) stored`.execute(db);
  await sql`create index comments_overview_idx on comments (site_id, created_at) include (id, status, language, reason_codes)`.execute(db);
  await db.schema.dropIndex('comments_site_status_idx').execute();
  await sql`
    create index comment_events_moderator_idx on comment_events (site_id, created_at) include (comment_id, from_status, to_status, action)
    where action in ('approve', 'reject', 'spam')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comment_events_moderator_idx').execute();
  await db.schema.createIndex('comments_site_status_idx').on('comments').columns(['site_id', 'status', 'created_at']).execute();
  await db.schema.dropIndex('comments_overview_idx').execute();
  await db.schema.alterTable('comments').dropColumn('reason_codes').execute();
}
