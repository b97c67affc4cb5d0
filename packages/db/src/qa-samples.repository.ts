import { sql, type Kysely, type Transaction } from 'kysely';
import { actionForVerdict, type QaListStatus, type QaSample, type QaVerdict, type QaWeekCounts } from '@moderato/core';
import type { Database } from './database';
import { decodeCursor, encodeCursor, InvalidCursorError } from './keyset-cursor';
import { applyModeration, StaleStatusError, upsertLabels, type ModeratedComment } from './moderation.repository';

/** No QA sample of that comment on that site (or no such comment): answered as not found. */
export class QaSampleNotFoundError extends Error {
  constructor(readonly commentId: string) {
    super(`comment ${commentId} is not a QA sample of this site`);
    this.name = 'QaSampleNotFoundError';
  }
}

/** The sample was already checked with another verdict; a correction goes through the review queue. */
export class QaAlreadyReviewedError extends Error {
  constructor(
    readonly commentId: string,
    readonly verdict: QaVerdict,
  ) {
    super(`comment ${commentId} was already checked as ${verdict}`);
    this.name = 'QaAlreadyReviewedError';
  }
}

export interface QaListQuery {
  siteId: string;
  status: QaListStatus;
  cursor?: string;
  limit: number;
}

// The cursor keeps Postgres's microseconds: a JavaScript Date would drop them and skip rows.
const sampledAtText = sql<string>`to_char(s.sampled_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function selectSamples(db: Kysely<Database> | Transaction<Database>, siteId: string) {
  return db
    .selectFrom('qa_samples as s')
    .innerJoin('comments as c', 'c.id', 's.comment_id')
    .leftJoin('users as u', (join) => join.on(sql<boolean>`u.id::text = s.reviewed_by`))
    // Aliased to the answer's own names, so a row needs only its dates turned into text.
    .select([
      's.comment_id as commentId',
      'c.article_id as articleId',
      'c.parent_id as parentId',
      'c.author_name as authorName',
      'c.body',
      'c.status',
      'c.spam_score as spamScore',
      'c.toxicity_score as toxicityScore',
      'c.decided_at as decidedAt',
      's.sampled_at as sampledAt',
      's.verdict',
      's.reviewed_by as reviewedBy',
      'u.email as reviewerEmail',
      's.reviewed_at as reviewedAt',
      sampledAtText.as('sampledAtText'),
    ])
    .where('s.site_id', '=', siteId);
}

type SampleRow = Awaited<ReturnType<ReturnType<typeof selectSamples>['executeTakeFirstOrThrow']>>;

function toSample({ reviewerEmail, sampledAtText: _cursorKey, ...r }: SampleRow): QaSample {
  return {
    ...r,
    decidedAt: r.decidedAt.toISOString(),
    sampledAt: r.sampledAt.toISOString(),
    // Staff are named as in a comment's history: by their email, by id once the account is gone.
    reviewedBy: reviewerEmail ?? r.reviewedBy,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
  };
}

/** One page of a site's QA samples, newest first, keyset-paginated on (sampled_at, comment_id). */
export async function listQaSamples(db: Kysely<Database>, query: QaListQuery): Promise<{ samples: QaSample[]; next: string | null }> {
  let select = selectSamples(db, query.siteId);
  if (query.status === 'pending') select = select.where('s.verdict', 'is', null);
  if (query.status === 'reviewed') select = select.where('s.verdict', 'is not', null);
  if (query.cursor) {
    const { key, id } = decodeCursor(query.cursor);
    if (typeof key !== 'string' || Number.isNaN(Date.parse(key))) throw new InvalidCursorError();
    select = select.where(sql<boolean>`(s.sampled_at, s.comment_id) < (${key}::timestamptz, ${id}::uuid)`);
  }
  const rows = await select.orderBy('s.sampled_at', 'desc').orderBy('s.comment_id', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { samples: page.map(toSample), next: rows.length > query.limit && last ? encodeCursor(last.sampledAtText, last.commentId) : null };
}

export interface QaVerdictRequest {
  siteId: string;
  commentId: string;
  verdict: QaVerdict;
  /** The moderator's user id. */
  actor: string;
}

/** The sample as it stands after a verdict, and the comments the verdict moderated (none for ok, or for a verdict sent again). */
export interface QaVerdictOutcome {
  sample: QaSample;
  moderated: ModeratedComment[];
}

/**
 * Records a moderator's check of a QA sample, in one transaction with what it
 * does: a `qa` audit row; for spam or toxic, the moderators' own action
 * (rejected, labelled, audited) on a comment that must still be approved; for
 * ok, a clean training label. The comment row is locked before the sample, as
 * an erasure does, so the two cannot deadlock. Sending the recorded verdict
 * again changes nothing; a different one is refused (QaAlreadyReviewedError).
 */
export async function recordQaVerdict(db: Kysely<Database>, request: QaVerdictRequest): Promise<QaVerdictOutcome> {
  const { siteId, commentId, verdict, actor } = request;
  return db.transaction().execute(async (trx) => {
    let moderated: ModeratedComment[] = [];
    const comment = await trx.selectFrom('comments').select(['status']).where('id', '=', commentId).where('site_id', '=', siteId).forUpdate().executeTakeFirst();
    const sample = await trx.selectFrom('qa_samples').select(['verdict']).where('comment_id', '=', commentId).where('site_id', '=', siteId).forUpdate().executeTakeFirst();
    if (!comment || !sample) throw new QaSampleNotFoundError(commentId);
    if (sample.verdict !== null && sample.verdict !== verdict) throw new QaAlreadyReviewedError(commentId, sample.verdict);
    if (sample.verdict === null) {
      if (comment.status !== 'approved') throw new StaleStatusError([{ id: commentId, status: comment.status }]);
      const now = new Date();
      await trx.updateTable('qa_samples').set({ verdict, reviewed_by: actor, reviewed_at: now }).where('comment_id', '=', commentId).execute();
      await trx
        .insertInto('comment_events')
        .values({ comment_id: commentId, site_id: siteId, from_status: 'approved', to_status: 'approved', actor, action: 'qa', reason: null, details: { verdict } })
        .execute();
      const action = actionForVerdict(verdict);
      if (action) {
        moderated = await applyModeration(trx, { ids: [commentId], action, reason: `QA check: ${verdict}`, expectedStatus: 'approved', actor, mayModerate: (site) => site === siteId });
      } else {
        await upsertLabels(trx, [{ id: commentId, siteId }], { spam: false, toxic: false }, actor, now);
      }
    }
    return { sample: toSample(await selectSamples(trx, siteId).where('s.comment_id', '=', commentId).executeTakeFirstOrThrow()), moderated };
  });
}

/**
 * A site's QA samples per ISO week (Monday to Sunday, UTC) over the last
 * `weeks` weeks up to the one holding `now`, oldest first, every week listed
 * even when empty. A sample counts in the week its comment was auto-approved.
 */
export async function countQaWeeks(db: Kysely<Database>, query: { siteId: string; weeks: number; now?: Date }): Promise<QaWeekCounts[]> {
  const now = query.now ?? new Date();
  const { rows } = await sql<{ week: string; start: string; sampled: string; reviewed: string; bad: string }>`
    with weeks as (
      select w as start from generate_series(
        date_trunc('week', ${now}::timestamptz at time zone 'UTC') - ${query.weeks - 1} * interval '1 week',
        date_trunc('week', ${now}::timestamptz at time zone 'UTC'),
        interval '1 week') as w
    )
    select to_char(weeks.start, 'IYYY-"W"IW') as week, to_char(weeks.start, 'YYYY-MM-DD') as start,
      count(s.comment_id) as sampled,
      count(s.verdict) as reviewed,
      count(*) filter (where s.verdict in ('spam', 'toxic')) as bad
    from weeks
    left join qa_samples s on s.site_id = ${query.siteId}
      and s.sampled_at >= weeks.start at time zone 'UTC'
      and s.sampled_at < (weeks.start + interval '1 week') at time zone 'UTC'
    group by weeks.start
    order by weeks.start`.execute(db);
  return rows.map((r) => ({ week: r.week, start: r.start, sampled: Number(r.sampled), reviewed: Number(r.reviewed), bad: Number(r.bad) }));
}
