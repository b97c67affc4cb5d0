import { sql, type Kysely } from 'kysely';
import type { Database } from './database';
import { SCORER_ACTOR } from './comments.repository';

/** One week of one model's automatic decisions measured against the labels moderators gave those comments. */
export interface WeeklyAgreement {
  /** Monday of the week (UTC), YYYY-MM-DD. */
  week: string;
  /** The model version recorded with the decisions (shipped or site), or `shadow vN`. */
  model: string;
  labelled: number;
  agreed: number;
}

// A comment's label is its newest; it agrees with a decision when a clean
// label met an approval or a bad one (spam or toxic) met a rejection.
const AGREES = sql`((l.spam is false and l.toxic is false and d.decision = 'approve') or ((l.spam or l.toxic) and d.decision = 'reject'))`;

/**
 * Agreement with moderators per week, for the live decisions (by the model
 * version each was made under) and for every shadow model: the chart of
 * whether the site's scoring is getting better.
 */
export async function weeklyAgreement(db: Kysely<Database>, siteId: string, weeks = 12): Promise<WeeklyAgreement[]> {
  const since = sql`now() - make_interval(weeks => ${weeks})`;
  const { rows } = await sql<{ week: string; model: string; labelled: string; agreed: string }>`
    with labels as (
      select distinct on (comment_id) comment_id, spam, toxic
      from moderation_labels
      where site_id = ${siteId} and labelled_at >= ${since}
      order by comment_id, labelled_at desc
    ),
    decisions as (
      select c.id as comment_id, c.decided_at as at, c.model_version as model,
             case e.to_status when 'approved' then 'approve' when 'rejected' then 'reject' else 'hold' end as decision
      from comments c
      join comment_events e on e.comment_id = c.id and e.actor = ${SCORER_ACTOR} and e.from_status = 'pending'
      where c.site_id = ${siteId} and c.decided_at >= ${since}
      union all
      select s.comment_id, s.created_at, 'shadow v' || s.model_version, s.decision
      from shadow_decisions s
      where s.site_id = ${siteId} and s.created_at >= ${since}
    )
    select to_char(date_trunc('week', d.at at time zone 'UTC'), 'YYYY-MM-DD') as week, d.model,
           count(*) as labelled, count(*) filter (where ${AGREES}) as agreed
    from decisions d join labels l on l.comment_id = d.comment_id
    group by 1, 2
    order by 1, 2`.execute(db);
  return rows.map((row) => ({ week: row.week, model: row.model, labelled: Number(row.labelled), agreed: Number(row.agreed) }));
}
