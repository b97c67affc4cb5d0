/**
 * Settings preview over 10,000 stored comments (the most one preview reads): the answer time of
 * POST /api/v1/sites/{id}/settings/preview?limit=N, for a threshold-only
 * change (stored scores only) and for a rule change (links and word lists
 * re-run on every text); then four rule-change previews at once while
 * /healthz is polled every 10 ms, with its slowest answer. Loopback only.
 *   npx tsx scripts/bench/settings-preview.bench.ts [--rows 10000] [--runs 5]
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { givenManyHeldComments } from '../../test/support/comment-factory';
import { runBench, withBenchSite } from './bench-database';
import { percentile } from './stats';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' } } });
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);

runBench(() =>
  withBenchSite(async ({ bench, apiUrl, token, adminId }) => {
    await givenManyHeldComments(bench.db, 'bench', ROWS);
    await sql`insert into moderation_labels (comment_id, site_id, spam, toxic, labelled_by)
      select id, site_id, spam_score > 0.5, false, ${adminId}::uuid from comments where random() < 0.05`.execute(bench.db);
    await sql`vacuum analyze comments`.execute(bench.db);

    const preview = async (label: string, body: unknown): Promise<{ total: number; ms: number }> => {
      const startedAt = performance.now();
      const response = await fetch(`${apiUrl}/api/v1/sites/bench/settings/preview?limit=${ROWS}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await response.json()) as { total: number };
      if (!response.ok) throw new Error(`${label}: HTTP ${response.status} ${JSON.stringify(json)}`);
      return { total: json.total, ms: performance.now() - startedAt };
    };
    const time = async (label: string, body: unknown) => {
      const runs: { total: number; ms: number }[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await preview(label, body));
      const durations = runs.map((r) => r.ms);
      console.log(`${label.padEnd(48)} ${runs[0]!.total} comments   median ${percentile(durations, 50).toFixed(0).padStart(5)} ms   max ${Math.max(...durations).toFixed(0).padStart(5)} ms`);
    };
    const ruleChange = { maxLinks: 0, holdWords: ['thoughtful', 'article'], newCommenterHold: 1 };
    console.log(`settings preview, ${RUNS} runs each, one client, loopback`);
    await time('thresholds only (stored scores)', { spam: { approveBelow: 0.2, rejectAbove: 0.8 } });
    await time('rules too (links, word lists, new commenters)', ruleChange);

    // The API must keep answering while previews run: /healthz polled throughout.
    const healthz: number[] = [];
    let running = true;
    const poll = (async () => {
      while (running) {
        const startedAt = performance.now();
        await (await fetch(`${apiUrl}/healthz`)).text();
        healthz.push(performance.now() - startedAt);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const concurrent = await Promise.all(Array.from({ length: 4 }, (_, i) => preview(`concurrent ${i}`, ruleChange)));
    running = false;
    await poll;
    const slowest = Math.max(...concurrent.map((r) => r.ms));
    console.log(`four rule previews at once: slowest ${slowest.toFixed(0)} ms; /healthz ${healthz.length} polls, p50 ${percentile(healthz, 50).toFixed(1)} ms, p99 ${percentile(healthz, 99).toFixed(1)} ms, max ${Math.max(...healthz).toFixed(1)} ms`);
  }),
);
