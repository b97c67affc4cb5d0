/**
 * Review queue and public thread pages at 100,000 comments each: p50/p99 of
 * the HTTP answer, first pages and deep pages (keyset cursors), and the
 * queue's filters and search, from a word in every comment to a word in one.
 * Bodies of 8 to 19 words from a 400-word vocabulary (bench-words.ts); held
 * comments spread over 200 articles; 60 % English, 30 % Russian, 10 % not
 * recognised; one in 7 held for links; one in 100 says "casino". Loopback only.
 *   npx tsx scripts/bench/review-queue.bench.ts [--rows 100000] [--requests 300]
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { runBench, withBenchSite } from './bench-database';
import { BENCH_WORDS } from './bench-words';
import { percentile } from './stats';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, requests: { type: 'string', default: '300' } } });
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
  withBenchSite(async ({ bench, apiUrl, token }) => {
    const loadStartedAt = performance.now();
    for (const [status, article] of [['held', 'queue'], ['approved', 'big-thread']] as const) {
      await sql`
        insert into comments (id, site_id, article_id, author_name, email_encrypted, email_hash, body, status,
          spam_score, toxicity_score, reasons, model_version, thresholds, created_at, decided_at, language)
        select gen_random_uuid(), 'bench', ${status === 'held' ? sql`'article-' || (i % 200)` : article}, 'Reader ' || i, 'v1.x.y.z',
          md5((i % 5000)::text) || md5(i::text),
          'Comment number ' || i || ': ' || (
            -- 8 to 19 words, the common ones more often (random() squared leans to the list's start).
            select string_agg((${BENCH_WORDS}::text[])[1 + floor(power(random(), 2) * ${BENCH_WORDS.length})::int], ' ')
            from generate_series(1, 8 + i % 12)) || case when i % 100 = 0 then ' about the casino' else '' end,
          ${status}, random(), random() * 0.5,
          case when i % 7 = 0 then '[{"code":"links","message":"3 links"},{"code":"spam-model","message":"spam model"}]'::jsonb
            else '[{"code":"spam-model","message":"spam model"}]'::jsonb end,
          'bench', '{}'::jsonb, now() - (i || ' seconds')::interval, now(),
          case when i % 10 < 6 then 'en' when i % 10 < 9 then 'ru' else 'und' end
        from generate_series(1, ${ROWS}) as i`.execute(bench.db);
    }
    // One prolific author among them, for the author view: 1,000 comments over the three statuses.
    await sql`
      insert into comments (id, site_id, article_id, author_name, email_encrypted, email_hash, body, status,
        spam_score, toxicity_score, reasons, model_version, thresholds, created_at, decided_at, language)
      select gen_random_uuid(), 'bench', 'article-' || (i % 200), 'Prolific', 'v1.x.y.z', repeat('p', 64),
        'Prolific comment ' || i, (array['held', 'approved', 'rejected'])[1 + i % 3], random(), random() * 0.5,
        '[]'::jsonb, 'bench', '{}'::jsonb, now() - (i || ' minutes')::interval, now(), 'en'
      from generate_series(1, 1000) as i`.execute(bench.db);
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
    const queue = `${apiUrl}/api/v1/sites/bench/review?status=held&limit=50`;
    const searchCursors: string[] = [];
    cursor = null;
    for (let page = 0; page < 15 && (page === 0 || cursor); page++) {
      const json = (await (await fetch(`${queue}&q=casino${cursor ? `&cursor=${cursor}` : ''}`, { headers: auth })).json()) as { next: string | null };
      cursor = json.next;
      if (cursor) searchCursors.push(cursor);
    }
    console.log(await timeRequests('  search, a word in every comment', () => `${queue}&q=comment`, auth));
    console.log(await timeRequests('  search, a word in 1 % ("casino")', () => `${queue}&q=casino`, auth));
    console.log(await timeRequests('  search, 1 % word, deep pages (cursor)', () => `${queue}&q=casino&cursor=${pick(searchCursors)}`, auth));
    console.log(await timeRequests('  search, a word in 5 % ("news")', () => `${queue}&q=news`, auth));
    console.log(await timeRequests('  search, a number (about 10 comments)', () => `${queue}&q=${1 + Math.floor(Math.random() * ROWS)}`, auth));
    console.log(await timeRequests('  search, a prefix ("casi")', () => `${queue}&q=casi`, auth));
    console.log(await timeRequests('  filter, one article of 200', () => `${queue}&article=article-${Math.floor(Math.random() * 200)}`, auth));
    console.log(await timeRequests('  filter, language ru (30 %)', () => `${queue}&language=ru`, auth));
    console.log(await timeRequests('  filter, language und (10 %)', () => `${queue}&language=und`, auth));
    console.log(await timeRequests('  filter, reason links (14 %)', () => `${queue}&reason=links`, auth));
    console.log(await timeRequests('  filter, all four at once', () => `${queue}&q=comment&article=article-${Math.floor(Math.random() * 200)}&language=en&reason=spam-model`, auth));
    console.log(await timeRequests('  oldest first, one article of 200', () => `${queue}&order=oldest&article=article-${Math.floor(Math.random() * 200)}`, auth));
    const someIds = ((await (await fetch(`${apiUrl}/api/v1/sites/bench/review?status=held&limit=200&order=oldest`, { headers: auth })).json()) as { comments: Array<{ id: string }> }).comments.map((c) => c.id);
    const prolific = await bench.db.selectFrom('comments').select('id').where('email_hash', '=', 'p'.repeat(64)).limit(50).execute();
    console.log(await timeRequests('author view, a one-comment author', () => `${apiUrl}/api/v1/comments/${pick(someIds)}/author-comments`, auth));
    console.log(await timeRequests('author view, 1,000 comments (first 100)', () => `${apiUrl}/api/v1/comments/${pick(prolific).id}/author-comments`, auth));
    console.log(await timeRequests('author view, 1,000 comments (500 at once)', () => `${apiUrl}/api/v1/comments/${pick(prolific).id}/author-comments?limit=500`, auth));
    console.log(await timeRequests('review queue counts per status', () => `${apiUrl}/api/v1/sites/bench/review/counts`, auth));
    console.log(await timeRequests('public thread, first page (50)', () => `${apiUrl}/api/v1/sites/bench/articles/big-thread/comments?limit=50`, {}));
    console.log(await timeRequests('public thread, deep pages (cursor, 50)', () => `${apiUrl}/api/v1/sites/bench/articles/big-thread/comments?limit=50&cursor=${pick(threadCursors)}`, {}));
    console.log(await timeRequests('baseline: GET /healthz', () => `${apiUrl}/healthz`, {}));
  }),
);
