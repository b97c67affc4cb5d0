import { sql } from 'kysely';
import { DEFAULT_SITE_SETTINGS, OVERVIEW_RANGES } from '@moderato/core';
import { createSite, createUser } from '@moderato/db';
import { overviewStatements, overviewWindow, runWithoutJit, type OverviewStatements } from '../../packages/db/src/overview.repository';
import type { BenchSite } from './bench-database';
import { seedOverviewSite } from './overview-seed';
import { percentile } from './stats';

export interface OverviewBenchOptions {
  rows: number;
  requests: number;
  /** Print each statement's EXPLAIN (ANALYZE, BUFFERS) at the widest range. */
  explain: boolean;
}

const SITE = 'overview';

const line = (label: string, durations: number[]) =>
  `${label.padEnd(44)} p50 ${percentile(durations, 50).toFixed(2).padStart(6)} ms   p99 ${percentile(durations, 99).toFixed(2).padStart(6)} ms`;

async function timed(times: number, run: () => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < times; i++) {
    const startedAt = performance.now();
    await run();
    durations.push(performance.now() - startedAt);
  }
  return durations;
}

/**
 * The overview at `rows` comments of one site, all inside the widest range:
 * each of its four statements alone (p50/p99 of the round trip, JIT off as
 * the repository runs them), then the whole answer over HTTP per range.
 */
export async function benchOverview({ bench, apiUrl, token }: BenchSite, options: OverviewBenchOptions): Promise<void> {
  const loadStartedAt = performance.now();
  await createSite(bench.db, { id: SITE, name: 'Overview', settings: DEFAULT_SITE_SETTINGS });
  const moderator = await createUser(bench.db, { email: 'bench-moderator@example.org', passwordHash: 'x', role: 'moderator', siteIds: [SITE] });
  // 89 days back: every comment falls inside the 90-day range, the worst case for it.
  await seedOverviewSite(bench.db, { siteId: SITE, rows: options.rows, days: 89, moderatorId: moderator.id });
  await sql`vacuum analyze comments, comment_events`.execute(bench.db);
  const { rows: [counts] } = await sql<{ comments: string; moderator_actions: string }>`
    select (select count(*) from comments where site_id = ${SITE}) as comments,
      (select count(*) from comment_events where site_id = ${SITE} and action <> 'decide') as moderator_actions`.execute(bench.db);
  console.log(`\noverview: site with ${counts!.comments} comments over 89 days and ${counts!.moderator_actions} moderator actions, loaded in ${((performance.now() - loadStartedAt) / 1000).toFixed(1)} s`);

  for (const days of OVERVIEW_RANGES) {
    const statements = overviewStatements(SITE, days, overviewWindow(new Date(), days));
    for (const name of Object.keys(statements) as Array<keyof OverviewStatements>) {
      if (name === 'queue' && days !== OVERVIEW_RANGES[0]) continue; // the queue is the same whatever the range
      console.log(line(`overview ${name}, ${days} days${name === 'queue' ? ' (any range)' : ''}`, await timed(options.requests, () => runWithoutJit<unknown>(bench.db, statements[name]))));
    }
  }
  const auth = { authorization: `Bearer ${token}` };
  for (const days of OVERVIEW_RANGES) {
    const durations = await timed(options.requests, async () => {
      const response = await fetch(`${apiUrl}/api/v1/sites/${SITE}/overview?days=${days}`, { headers: auth });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`overview: HTTP ${response.status}`);
    });
    console.log(line(`GET overview?days=${days} (HTTP, all four)`, durations));
  }

  if (options.explain) {
    const widest = Math.max(...OVERVIEW_RANGES);
    const statements = overviewStatements(SITE, widest, overviewWindow(new Date(), widest));
    for (const [name, statement] of Object.entries(statements)) {
      const plan = await bench.db.transaction().execute(async (trx) => {
        await sql`set local jit = off`.execute(trx);
        return (await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers) ${statement}`.execute(trx)).rows;
      });
      console.log(`\nEXPLAIN (ANALYZE, BUFFERS) overview ${name}, ${widest} days:\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  }
}
