/**
 * Review queue and public thread pages at 100,000 comments each: p50/p99 of
 * the HTTP answer, first pages and deep pages (keyset cursors); then the
 * queue's filters, search and author view on a second site of 100,000 held
 * comments (review-filter-timings.ts); then the overview of a third site of
 * 100,000 comments (overview-timings.ts).
 * Loopback only.
 *   npx tsx scripts/bench/review-queue.bench.ts [--rows 100000] [--requests 300] [--explain]
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { runBench, withBenchSite } from './bench-database';
import { benchOverview } from './overview-timings';
import { benchReviewFilters } from './review-filter-timings';
import { percentile } from './stats';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, requests: { type: 'string', default: '300' }, explain: { type: 'boolean', default: false } },
});
const ROWS = Number(values.rows);
const REQUESTS = Number(values.requests);

async function timeRequests(label: string, urls: () => string, headers: Record<string, string>): Promise<string> {
  const durations: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const startedAt = performance.now();
    const response = await fetch(urls(), { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${label}: HTTP ${response.status}`);
    durations.push(performance.now() - startedAt);
  }
  return `${label.padEnd(44)} p50 ${percentile(durations, 50).toFixed(2).padStart(6)} ms   p99 ${percentile(durations, 99).toFixed(2).padStart(6)} ms`;
}

runBench(() =>
  withBenchSite(async (site) => {
    const { bench, apiUrl, token } = site;
    const loadStartedAt = performance.now();
    for (const [status, article] of [['held', 'queue'], ['approved', 'big-thread']] as const) {
      await sql`
        insert into comments (id, site_id, article_id, author_name, email_encrypted, email_hash, body, status,
          spam_score, toxicity_score, reasons, model_version, thresholds, created_at, decided_at)
        select gen_random_uuid(), 'bench', ${article}, 'Reader ' || i, 'v1.x.y.z', md5((i % 5000)::text) || md5(i::text),
          'A comment of some length, number ' || i, ${status}, random(), random() * 0.5,
          '[{"code":"spam-model","message":"spam model"}]'::jsonb, 'bench', '{}'::jsonb,
          now() - (i || ' seconds')::interval, now()
        from generate_series(1, ${ROWS}) as i`.execute(bench.db);
    }
    // What autovacuum would have done by now on a live install (visibility map for index-only scans).
    await sql`vacuum analyze comments`.execute(bench.db);
    console.log(`loaded ${ROWS} held + ${ROWS} approved comments in ${((performance.now() - loadStartedAt) / 1000).toFixed(1)} s`);

    const auth = { authorization: `Bearer ${token}` };
    // Cursors deep into the queue, collected once, then requested at random.
    const deepCursors: string[] = [];
    for (const order of ['likely-bad', 'oldest']) {
      let cursor: string | null = null;
      for (let page = 0; page < 40 && (page === 0 || cursor); page++) {
        const url = `${apiUrl}/api/v1/sites/bench/review?status=held&order=${order}&limit=50${cursor ? `&cursor=${cursor}` : ''}`;
        const json = (await (await fetch(url, { headers: auth })).json()) as { next: string | null };
        cursor = json.next;
        if (cursor && page % 5 === 4) deepCursors.push(`order=${order}&cursor=${cursor}`);
      }
    }
    const threadCursors: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 40; page++) {
      const json = (await (await fetch(`${apiUrl}/api/v1/sites/bench/articles/big-thread/comments?limit=50${cursor ? `&cursor=${cursor}` : ''}`)).json()) as { next: string | null };
      cursor = json.next;
      if (cursor) threadCursors.push(cursor);
    }
    const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
    console.log(`requests per row: ${REQUESTS}, sequential, one client, loopback`);
    console.log(await timeRequests('review queue, first page (likely-bad, 50)', () => `${apiUrl}/api/v1/sites/bench/review?status=held&limit=50`, auth));
    console.log(await timeRequests('review queue, deep pages (cursor, 50)', () => `${apiUrl}/api/v1/sites/bench/review?status=held&limit=50&${pick(deepCursors)}`, auth));
    console.log(await timeRequests('review queue counts per status', () => `${apiUrl}/api/v1/sites/bench/review/counts`, auth));
    console.log(await timeRequests('public thread, first page (50)', () => `${apiUrl}/api/v1/sites/bench/articles/big-thread/comments?limit=50`, {}));
    console.log(await timeRequests('public thread, deep pages (cursor, 50)', () => `${apiUrl}/api/v1/sites/bench/articles/big-thread/comments?limit=50&cursor=${pick(threadCursors)}`, {}));
    console.log(await timeRequests('baseline: GET /healthz', () => `${apiUrl}/healthz`, {}));
    await benchReviewFilters(site, { rows: ROWS, requests: REQUESTS });
    await benchOverview(site, { rows: ROWS, requests: REQUESTS, explain: values.explain });
  }),
);
