import { sql, type Kysely, type RawBuilder } from 'kysely';
import { rangeDays, rangeStart, rangeWeeks, type OverviewRange, type OverviewWeek, type SiteOverview } from '@moderato/core';
import type { Database } from './database';
import { COUNT_CAP } from './review.repository';

export interface OverviewQuery {
  siteId: string;
  days: OverviewRange;
  /** The clock, for tests; the range ends with the UTC day holding it. */
  now?: Date;
}

const DAY_MS = 86_400_000;

// The moderator actions, written as the partial index comment_events_moderator_idx
// is (a bound parameter would keep the planner from using it).
const MODERATOR_ACTION = sql`action in ('approve', 'reject', 'spam')`;

// What the scorer decided for the comment of moderator action `m`.
const scorerDecision = sql`(select s.to_status from comment_events s where s.comment_id = m.comment_id and s.action = 'decide' limit 1)`;

type DayRow = { i: number; approved: string; moderator_approved: string; held: string; rejected: string };
type WeekRow = { week: string; holds_resolved: string; approvals_overturned: string; rejections_overturned: string };
type MixRow = { kind: 'language' | 'reason'; key: string | null; comments: string };
type QueueRow = { held: string; oldest: Date | null };

/** The overview's four statements for one site and range, built apart from running them so the benchmark can time and EXPLAIN each. */
export interface OverviewStatements {
  days: RawBuilder<DayRow>;
  weeks: RawBuilder<WeekRow>;
  mix: RawBuilder<MixRow>;
  queue: RawBuilder<QueueRow>;
}

/** [from, to): midnight UTC `days - 1` days before now's day, to the midnight after it. */
export function overviewWindow(now: Date, days: number): { from: Date; to: Date } {
  const from = rangeStart(now, days);
  return { from, to: new Date(from.getTime() + days * DAY_MS) };
}

export function overviewStatements(siteId: string, days: number, { from, to }: { from: Date; to: Date }): OverviewStatements {
  return {
    // Per UTC day, by where each comment that arrived that day stands now. One
    // index range scan per day (comments_overview_idx, index only); the comments
    // a moderator approved are a hashed set of moderator approvals, built once.
    days: sql<DayRow>`
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
      order by i`,
    // Moderator actions per ISO week. Only an action that turns an approval
    // into a rejection or back needs the scorer's decision, read from the
    // comment's `decide` audit row (a scalar subquery, so it runs for those
    // few only); holds resolved need nothing more than the action.
    weeks: sql<WeekRow>`
      select to_char(week, 'YYYY-MM-DD') as week, holds_resolved, approvals_overturned, rejections_overturned
      from (
        select date_trunc('week', m.created_at at time zone 'UTC') as week,
          count(*) filter (where m.from_status = 'held') as holds_resolved,
          count(*) filter (where m.from_status = 'approved' and m.to_status = 'rejected' and ${scorerDecision} = 'approved') as approvals_overturned,
          count(*) filter (where m.from_status = 'rejected' and m.to_status = 'approved' and ${scorerDecision} = 'rejected') as rejections_overturned
        from comment_events m
        where m.site_id = ${siteId} and m.${MODERATOR_ACTION} and m.created_at >= ${from}::timestamptz and m.created_at < ${to}::timestamptz
        group by 1
      ) weeks`,
    // Comments per language and the ten most given reason codes, from one index
    // only scan: the range's comments grouped by (language, reason codes), a few
    // hundred groups at most, then split. reason_codes is JSON text so that the
    // grouping hashes a short string, not a jsonb value; a code given twice on a
    // comment (a threshold met by both scores) counts once.
    mix: sql<MixRow>`
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
        group by code order by 3 desc, 2 limit 10)`,
    // The queue now: held comments counted up to COUNT_CAP + 1 (as the review counts are), and the oldest.
    queue: sql<QueueRow>`
      select (select count(*) from (select 1 from comments where site_id = ${siteId} and status = 'held' limit ${COUNT_CAP + 1}) capped) as held,
        (select min(created_at) from comments where site_id = ${siteId} and status = 'held') as oldest`,
  };
}

/**
 * Runs one statement in its own short transaction with JIT off: past
 * jit_above_cost (a 90-day range of a busy site gets there) Postgres would
 * spend tens of milliseconds compiling a query that runs in ten.
 */
export function runWithoutJit<Row>(db: Kysely<Database>, statement: RawBuilder<Row>): Promise<Row[]> {
  return db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    return (await statement.execute(trx)).rows;
  });
}

const weekCounts = (r: WeekRow): Omit<OverviewWeek, 'week' | 'days'> => ({
  holdsResolved: Number(r.holds_resolved),
  approvalsOverturned: Number(r.approvals_overturned),
  rejectionsOverturned: Number(r.rejections_overturned),
});

/**
 * A site's overview for the last `days` UTC days (today included): comments
 * per day by outcome, the share approved automatically, the queue now,
 * moderator overrides and resolved holds per week, the top reasons and the
 * languages. Every day and week of the range is listed, empty ones as zeros.
 */
export async function loadSiteOverview(db: Kysely<Database>, query: OverviewQuery): Promise<SiteOverview> {
  const now = query.now ?? new Date();
  const statements = overviewStatements(query.siteId, query.days, overviewWindow(now, query.days));
  const [dayRows, weekRows, mixRows, [queueRow]] = await Promise.all([
    runWithoutJit(db, statements.days),
    runWithoutJit(db, statements.weeks),
    runWithoutJit(db, statements.mix),
    runWithoutJit(db, statements.queue),
  ]);
  const perDay = rangeDays(now, query.days).map((day, i) => {
    const r = dayRows[i]!;
    const moderatorApproved = Number(r.moderator_approved);
    return { day, autoApproved: Number(r.approved) - moderatorApproved, moderatorApproved, held: Number(r.held), rejected: Number(r.rejected) };
  });
  const total = perDay.reduce((sum, d) => sum + d.autoApproved + d.moderatorApproved + d.held + d.rejected, 0);
  const autoApproved = perDay.reduce((sum, d) => sum + d.autoApproved, 0);
  const weeks = new Map(weekRows.map((r) => [r.week, weekCounts(r)]));
  const none = { holdsResolved: 0, approvalsOverturned: 0, rejectionsOverturned: 0 };
  const oldest = queueRow!.oldest;
  return {
    range: { days: query.days, from: perDay[0]!.day, to: perDay[perDay.length - 1]!.day },
    perDay,
    autoApprovedShare: total === 0 ? null : autoApproved / total,
    queue: {
      held: Number(queueRow!.held),
      cap: COUNT_CAP,
      oldestHeldAt: oldest?.toISOString() ?? null,
      oldestHeldSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : null,
    },
    weeks: rangeWeeks(now, query.days).map((w) => ({ ...w, ...(weeks.get(w.week) ?? none) })),
    languages: mixRows.filter((r) => r.kind === 'language').map((r) => ({ language: r.key, comments: Number(r.comments) })),
    reasons: mixRows.filter((r) => r.kind === 'reason').map((r) => ({ code: r.key ?? '', comments: Number(r.comments) })),
  };
}
