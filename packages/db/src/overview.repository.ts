import { sql, type Kysely, type Transaction } from 'kysely';
import { rangeDays, rangeStart, rangeWeeks, type OverviewDay, type OverviewRange, type OverviewWeek, type SiteOverview } from '@moderato/core';
import type { Database } from './database';
import { COUNT_CAP } from './review.repository';

export interface OverviewQuery {
  siteId: string;
  days: OverviewRange;
  /** The clock, for tests; the range ends with the UTC day holding it. */
  now?: Date;
}

const DAY_MS = 86_400_000;

/**
 * Each aggregate runs in its own short transaction with JIT off: past
 * jit_above_cost (a 90-day range of a busy site gets there) Postgres would
 * spend tens of milliseconds compiling a query that runs in ten.
 */
function withoutJit<T>(db: Kysely<Database>, run: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    return run(trx);
  });
}

// The moderator actions, written as the partial index comment_events_moderator_idx
// is (a bound parameter would keep the planner from using it).
const MODERATOR_ACTION = sql`action in ('approve', 'reject', 'spam')`;

/**
 * Per UTC day, by where each comment that arrived that day stands now. One
 * index range scan per day (comments_overview_idx, index only); the comments
 * a moderator approved are a hashed set of moderator approvals, built once.
 */
async function countDays(db: Kysely<Database>, siteId: string, from: Date, days: number): Promise<Omit<OverviewDay, 'day'>[]> {
  const { rows } = await withoutJit(db, (trx) =>
    sql<{ i: number; approved: string; moderator_approved: string; held: string; rejected: string }>`
      select i, x.*
      from generate_series(0, ${days - 1}::int) as i
      cross join lateral (
        select count(*) filter (where c.status = 'approved') as approved,
          count(*) filter (where c.status = 'approved' and c.id in (
            select e.comment_id from comment_events e
            where e.site_id = ${siteId} and e.action = 'approve' and e.created_at >= ${from}::timestamptz
          )) as moderator_approved,
          count(*) filter (where c.status = 'held') as held,
          count(*) filter (where c.status = 'rejected') as rejected
        from comments c
        where c.site_id = ${siteId}
          and c.created_at >= ${from}::timestamptz + i * interval '24 hours'
          and c.created_at < ${from}::timestamptz + (i + 1) * interval '24 hours'
      ) x
      order by i`.execute(trx),
  );
  return rows.map((r) => ({
    autoApproved: Number(r.approved) - Number(r.moderator_approved),
    moderatorApproved: Number(r.moderator_approved),
    held: Number(r.held),
    rejected: Number(r.rejected),
  }));
}

/**
 * Moderator actions per ISO week. Only an action that changes a status it did
 * not find held needs the scorer's decision, read from the comment's
 * `decide` audit row; holds resolved need nothing more than the action.
 */
async function countWeeks(db: Kysely<Database>, siteId: string, from: Date, to: Date): Promise<Map<string, Omit<OverviewWeek, 'week' | 'days'>>> {
  const { rows } = await withoutJit(db, (trx) =>
    sql<{ week: string; holds_resolved: string; approvals_overturned: string; rejections_overturned: string }>`
      select to_char(date_trunc('week', m.created_at at time zone 'UTC'), 'YYYY-MM-DD') as week,
        count(*) filter (where m.from_status = 'held') as holds_resolved,
        count(*) filter (where d.to_status = 'approved' and m.to_status = 'rejected') as approvals_overturned,
        count(*) filter (where d.to_status = 'rejected' and m.to_status = 'approved') as rejections_overturned
      from comment_events m
      left join lateral (
        select s.to_status from comment_events s
        where s.comment_id = m.comment_id and s.action = 'decide' and m.from_status <> 'held' and m.from_status <> m.to_status
        limit 1
      ) d on true
      where m.site_id = ${siteId} and m.${MODERATOR_ACTION} and m.created_at >= ${from}::timestamptz and m.created_at < ${to}::timestamptz
      group by 1`.execute(trx),
  );
  return new Map(
    rows.map((r) => [
      r.week,
      { holdsResolved: Number(r.holds_resolved), approvalsOverturned: Number(r.approvals_overturned), rejectionsOverturned: Number(r.rejections_overturned) },
    ]),
  );
}

/**
 * Comments per language and the ten most given reason codes, from one index
 * only scan: the range's comments grouped by (language, reason codes), a few
 * hundred groups at most, then split. reason_codes is JSON text so that the
 * grouping hashes a short string, not a jsonb value; a code given twice on a
 * comment (a threshold met by both scores) counts once.
 */
async function countMix(db: Kysely<Database>, siteId: string, from: Date, to: Date): Promise<Pick<SiteOverview, 'reasons' | 'languages'>> {
  const { rows } = await withoutJit(db, (trx) =>
    sql<{ kind: 'language' | 'reason'; key: string | null; comments: string }>`
      with groups as materialized (
        select language, reason_codes, count(*) as n
        from comments
        where site_id = ${siteId} and created_at >= ${from}::timestamptz and created_at < ${to}::timestamptz
        group by 1, 2
      )
      (select 'language' as kind, language as key, sum(n) as comments from groups group by language order by 3 desc, 2)
      union all
      (select 'reason', code, sum(n) from groups
        cross join lateral (select distinct jsonb_array_elements_text(groups.reason_codes::jsonb) as code) codes
        group by code order by 3 desc, 2 limit 10)`.execute(trx),
  );
  return {
    languages: rows.filter((r) => r.kind === 'language').map((r) => ({ language: r.key, comments: Number(r.comments) })),
    reasons: rows.filter((r) => r.kind === 'reason').map((r) => ({ code: r.key ?? '', comments: Number(r.comments) })),
  };
}

/** The queue now: held comments counted up to COUNT_CAP + 1 (as the review counts are), and the oldest. */
async function queueNow(db: Kysely<Database>, siteId: string, now: Date): Promise<SiteOverview['queue']> {
  const { rows } = await sql<{ held: string; oldest: Date | null }>`
    select (select count(*) from (select 1 from comments where site_id = ${siteId} and status = 'held' limit ${COUNT_CAP + 1}) capped) as held,
      (select min(created_at) from comments where site_id = ${siteId} and status = 'held') as oldest`.execute(db);
  const { held, oldest } = rows[0]!;
  return {
    held: Number(held),
    cap: COUNT_CAP,
    oldestHeldAt: oldest?.toISOString() ?? null,
    oldestHeldSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : null,
  };
}

/**
 * A site's overview for the last `days` UTC days (today included): comments
 * per day by outcome, the share approved automatically, the queue now,
 * moderator overrides and resolved holds per week, the top reasons and the
 * languages. Every day and week of the range is listed, empty ones as zeros.
 */
export async function loadSiteOverview(db: Kysely<Database>, query: OverviewQuery): Promise<SiteOverview> {
  const now = query.now ?? new Date();
  const from = rangeStart(now, query.days);
  const to = new Date(from.getTime() + query.days * DAY_MS);
  const [counts, weekCounts, mix, queue] = await Promise.all([
    countDays(db, query.siteId, from, query.days),
    countWeeks(db, query.siteId, from, to),
    countMix(db, query.siteId, from, to),
    queueNow(db, query.siteId, now),
  ]);
  const perDay = rangeDays(now, query.days).map((day, i) => ({ day, ...counts[i]! }));
  const total = perDay.reduce((sum, d) => sum + d.autoApproved + d.moderatorApproved + d.held + d.rejected, 0);
  const autoApproved = perDay.reduce((sum, d) => sum + d.autoApproved, 0);
  const none = { holdsResolved: 0, approvalsOverturned: 0, rejectionsOverturned: 0 };
  return {
    range: { days: query.days, from: perDay[0]!.day, to: perDay[perDay.length - 1]!.day },
    perDay,
    autoApprovedShare: total === 0 ? null : autoApproved / total,
    queue,
    weeks: rangeWeeks(now, query.days).map((w) => ({ ...w, ...(weekCounts.get(w.week) ?? none) })),
    ...mix,
  };
}
