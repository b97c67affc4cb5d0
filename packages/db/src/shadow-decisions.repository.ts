import { sql, type Kysely } from 'kysely';
import { type Decision, type Reason } from '@moderato/core';
import type { Database } from './database';
import { SCORER_ACTOR } from './comments.repository';

/** What a shadow model would have decided for one comment. */
export interface ShadowDecision {
  commentId: string;
  siteId: string;
  modelVersion: number;
  decision: Decision;
  spam: number;
  toxicity: number;
  reasons: Reason[];
}

/**
 * Stores shadow decisions, once per comment and model. Only comments that
 * were stored are compared: the insert reads the comment's row, so a comment
 * refused at write time (its author erased meanwhile) leaves no shadow either.
 */
export async function recordShadowDecisions(db: Kysely<Database>, decisions: readonly ShadowDecision[]): Promise<void> {
  if (decisions.length === 0) return;
  const values = decisions.map(
    (d) => sql`(${d.commentId}::uuid, ${d.modelVersion}::integer, ${d.decision}, ${d.spam}::real, ${d.toxicity}::real, ${JSON.stringify(d.reasons)}::jsonb)`,
  );
  await sql`
    insert into shadow_decisions (comment_id, site_id, model_version, decision, spam_score, toxicity_score, reasons)
    select v.comment_id, c.site_id, v.model_version, v.decision, v.spam, v.toxicity, v.reasons
    from (values ${sql.join(values)}) as v(comment_id, model_version, decision, spam, toxicity, reasons)
    join comments c on c.id = v.comment_id
    on conflict do nothing`.execute(db);
}

export interface ShadowDisagreement {
  commentId: string;
  body: string;
  authorName: string;
  decidedAt: string;
  live: { decision: Decision; spam: number; toxicity: number };
  shadow: { decision: Decision; spam: number; toxicity: number; reasons: Reason[] };
  /** What the comment's status is now (a moderator may have acted since). */
  status: string;
}

export interface ShadowComparison {
  version: number;
  compared: number;
  agreed: number;
  /** Counts per pair of decisions, keyed "live→shadow", e.g. "hold→approve". */
  pairs: Record<string, number>;
  disagreements: ShadowDisagreement[];
}

// Live's decision is the scorer's first audit row for the comment, not its
// status now, which a moderator may have changed since.
const LIVE_DECISION = sql`
  cross join lateral (
    select case e.to_status when 'approved' then 'approve' when 'rejected' then 'reject' else 'hold' end as decision
    from comment_events e
    where e.comment_id = s.comment_id and e.actor = ${SCORER_ACTOR} and e.from_status = 'pending'
    order by e.id
    limit 1
  ) live`;

/** How a shadow model's decisions compared with live's, and where they differed, with the comments' text. */
export async function compareShadowDecisions(db: Kysely<Database>, siteId: string, version: number, limit = 50): Promise<ShadowComparison> {
  const { rows: pairRows } = await sql<{ live: Decision; shadow: Decision; count: string }>`
    select live.decision as live, s.decision as shadow, count(*) as count
    from shadow_decisions s ${LIVE_DECISION}
    where s.site_id = ${siteId} and s.model_version = ${version}
    group by 1, 2`.execute(db);
  const pairs: Record<string, number> = {};
  let compared = 0;
  let agreed = 0;
  for (const row of pairRows) {
    const count = Number(row.count);
    pairs[`${row.live}→${row.shadow}`] = count;
    compared += count;
    if (row.live === row.shadow) agreed += count;
  }
  const { rows } = await sql<{
    comment_id: string;
    body: string;
    author_name: string;
    decided_at: Date;
    status: string;
    live: Decision;
    spam_score: number;
    toxicity_score: number;
    decision: Decision;
    shadow_spam: number;
    shadow_toxicity: number;
    reasons: Reason[];
  }>`
    select s.comment_id, c.body, c.author_name, c.decided_at, c.status, live.decision as live, c.spam_score, c.toxicity_score,
           s.decision, s.spam_score as shadow_spam, s.toxicity_score as shadow_toxicity, s.reasons
    from shadow_decisions s
    join comments c on c.id = s.comment_id
    ${LIVE_DECISION}
    where s.site_id = ${siteId} and s.model_version = ${version} and live.decision <> s.decision
    order by s.created_at desc, s.comment_id
    limit ${limit}`.execute(db);
  const disagreements = rows.map((row) => ({
    commentId: row.comment_id,
    body: row.body,
    authorName: row.author_name,
    decidedAt: row.decided_at.toISOString(),
    status: row.status,
    live: { decision: row.live, spam: row.spam_score, toxicity: row.toxicity_score },
    shadow: { decision: row.decision, spam: row.shadow_spam, toxicity: row.shadow_toxicity, reasons: row.reasons },
  }));
  return { version, compared, agreed, pairs, disagreements };
}
