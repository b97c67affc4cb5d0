import { sql, type Kysely } from 'kysely';
import { SCORER_ACTOR, type Database } from '@moderato/db';

export interface OverviewSeed {
  siteId: string;
  rows: number;
  /** Comments arrive evenly over this many days up to now. */
  days: number;
  /** The moderator whose id the moderator actions carry. */
  moderatorId: string;
}

// The reasons a scorer gives, sized as the real ones are (a message, matched words, their spans).
const REASON_CODES = ['spam-model', 'toxicity-model', 'links', 'threshold', 'new-commenter', 'profanity', 'author-history', 'repeat-post', 'unscored-language', 'trusted-commenter'];
const LANGUAGES = ['en', 'en', 'en', 'en', 'de', 'de', 'fr', 'es', 'nl', 'und'];

/**
 * A site's worth of history for the overview: `rows` comments over `days`
 * days, decided as a scorer would (about 80 % approved, 12 % held, 8 %
 * rejected, each with a `decide` audit row), in six languages, with one to
 * three reasons each; then moderators resolve most holds older than a day
 * (one in twenty waits on) and overturn some automatic decisions (a rejection in ten approved back,
 * one approval in a hundred rejected), each with its audit row, hours later.
 */
export async function seedOverviewSite(db: Kysely<Database>, seed: OverviewSeed): Promise<void> {
  const { siteId, rows, days, moderatorId } = seed;
  await sql`
    insert into comments (id, site_id, article_id, author_name, email_encrypted, email_hash, body, status, language,
      spam_score, toxicity_score, reasons, model_version, thresholds, created_at, decided_at)
    select gen_random_uuid(), ${siteId}, 'a' || (i % 300), 'Reader ' || i, 'v1.x.y.z', md5((i % 7000)::text) || md5(i::text),
      repeat('A comment of some length about the article, number ' || i || '. ', 4),
      case when r < 0.80 then 'approved' when r < 0.92 then 'held' else 'rejected' end,
      (${sql.val(LANGUAGES)}::text[])[1 + i % ${LANGUAGES.length}],
      random(), random() * 0.5,
      (select jsonb_agg(jsonb_build_object(
          'code', (${sql.val(REASON_CODES)}::text[])[1 + ((i * 7 + k * 3) % ${REASON_CODES.length})],
          'message', 'spam model 0.57 (hold ≥ 0.5, reject ≥ 0.9): "cheap", "watches"',
          'value', 0.57, 'matches', jsonb_build_array('cheap', 'watches'),
          'spans', jsonb_build_array(jsonb_build_object('start', 10, 'end', 15), jsonb_build_object('start', 16, 'end', 23))))
        from generate_series(1, 1 + i % 3) as k),
      'bench', '{}'::jsonb, at, at + interval '1 second'
    from (
      select i, random() as r, now() - (i::double precision / ${rows} * ${days}) * interval '1 day' as at
      from generate_series(1, ${rows}::int) as i
    ) s`.execute(db);
  await sql`
    insert into comment_events (comment_id, site_id, from_status, to_status, actor, action, created_at)
    select id, site_id, 'pending', status, ${SCORER_ACTOR}, 'decide', decided_at from comments where site_id = ${siteId}`.execute(db);

  // Which comments the moderators act on, and how: every hold older than a day, and some automatic decisions turned around.
  await db.transaction().execute(async (trx) => {
    await sql`
      create temporary table overview_actions on commit drop as
      select id, status as from_status, action, created_at + (1 + random() * 20) * interval '1 hour' as at
      from (
        select id, status, created_at, case
          when status = 'held' and random() < 0.95 then case when random() < 0.7 then 'approve' else 'reject' end
          when status = 'rejected' and random() < 0.1 then 'approve'
          when status = 'approved' and random() < 0.01 then case when random() < 0.5 then 'reject' else 'spam' end
        end as action
        from comments
        where site_id = ${siteId} and created_at < now() - interval '1 day'
      ) c
      where action is not null`.execute(trx);
    await sql`
      insert into comment_events (comment_id, site_id, from_status, to_status, actor, action, created_at)
      select id, ${siteId}, from_status, case action when 'approve' then 'approved' else 'rejected' end, ${moderatorId}, action, at
      from overview_actions`.execute(trx);
    await sql`
      update comments c set status = case a.action when 'approve' then 'approved' else 'rejected' end, decided_at = a.at
      from overview_actions a where a.id = c.id`.execute(trx);
  });
}
