import { sql } from 'kysely';
import { DEFAULT_SITE_SETTINGS } from '@moderato/core';
import { createSite } from '@moderato/db';
import type { BenchSite } from './bench-database';
import { BENCH_WORDS } from './bench-words';
import { percentile } from './stats';

export interface ReviewFilterBenchOptions {
  rows: number;
  requests: number;
}

const SITE = 'filters';
const PROLIFIC = 'p'.repeat(64);

const line = (label: string, durations: number[]) =>
  `${label.padEnd(44)} p50 ${percentile(durations, 50).toFixed(2).padStart(6)} ms   p99 ${percentile(durations, 99).toFixed(2).padStart(6)} ms`;

/**
 * A site of `rows` held comments as a real queue has them: bodies of 8 to 19
 * words from a 400-word English and Russian vocabulary (the common words
 * more often, so Postgres has word statistics, as it would), 200 articles,
 * 60 % English, 30 % Russian, 10 % not recognised, one in 7 held for links,
 * one in 100 about a "casino"; and one author with 1,000 comments over the
 * three statuses.
 */
async function seedFilterSite({ bench }: BenchSite, rows: number): Promise<void> {
  await createSite(bench.db, { id: SITE, name: 'Filters', settings: DEFAULT_SITE_SETTINGS });
  await sql`
    insert into comments (id, site_id, article_id, author_name, email_encrypted, email_hash, body, status,
      spam_score, toxicity_score, reasons, model_version, thresholds, created_at, decided_at, language)
    select gen_random_uuid(), ${SITE}, 'article-' || (i % 200), 'Reader ' || i, 'v1.x.y.z', md5((i % 5000)::text) || md5(i::text),
      'Comment number ' || i || ': ' || (
        -- random() squared leans to the start of the list, where the common words are.
        select string_agg((${BENCH_WORDS}::text[])[1 + floor(power(random(), 2) * ${BENCH_WORDS.length})::int], ' ')
        from generate_series(1, 8 + i % 12)) || case when i % 100 = 0 then ' about the casino' else '' end,
      'held', random(), random() * 0.5,
      case when i % 7 = 0 then '[{"code":"links","message":"3 links"},{"code":"spam-model","message":"spam model"}]'::jsonb
        else '[{"code":"spam-model","message":"spam model"}]'::jsonb end,
      'bench', '{}'::jsonb, now() - (i || ' seconds')::interval, now(),
      case when i % 10 < 6 then 'en' when i % 10 < 9 then 'ru' else 'und' end
    from generate_series(1, ${rows}::int) as i`.execute(bench.db);
  await sql`
    insert into comments (id, site_id, article_id, author_name, email_encrypted, email_hash, body, status,
      spam_score, toxicity_score, reasons, model_version, thresholds, created_at, decided_at, language)
    select gen_random_uuid(), ${SITE}, 'article-' || (i % 200), 'Prolific', 'v1.x.y.z', ${PROLIFIC},
      'Prolific comment ' || i, (array['held', 'approved', 'rejected'])[1 + i % 3], random(), random() * 0.5,
      '[]'::jsonb, 'bench', '{}'::jsonb, now() - (i || ' minutes')::interval, now(), 'en'
    from generate_series(1, 1000) as i`.execute(bench.db);
  await sql`vacuum analyze comments`.execute(bench.db);
}

/**
 * The review queue's filters and search, and the author view, at `rows`
 * held comments of one site: from a word in every comment to a number in
 * about ten, each against the same site's unfiltered first page.
 */
export async function benchReviewFilters(site: BenchSite, { rows, requests }: ReviewFilterBenchOptions): Promise<void> {
  const { apiUrl, token } = site;
  const loadStartedAt = performance.now();
  await seedFilterSite(site, rows);
  console.log(`\nfilters: site with ${rows} held comments of 8 to 19 words, loaded in ${((performance.now() - loadStartedAt) / 1000).toFixed(1)} s`);

  const auth = { authorization: `Bearer ${token}` };
  const get = async (url: string) => {
    const response = await fetch(url, { headers: auth });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json() as Promise<{ comments: Array<{ id: string }>; next: string | null }>;
  };
  const time = async (label: string, url: () => string) => {
    const durations: number[] = [];
    for (let i = 0; i < requests; i++) {
      const startedAt = performance.now();
      await get(url());
      durations.push(performance.now() - startedAt);
    }
    console.log(line(label, durations));
  };
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
  const queue = `${apiUrl}/api/v1/sites/${SITE}/review?status=held&limit=50`;
  const article = () => `article-${Math.floor(Math.random() * 200)}`;

  const searchCursors: string[] = [];
  for (let page = 0, cursor: string | null = null; page < 15 && (page === 0 || cursor); page++) {
    cursor = (await get(`${queue}&q=casino${cursor ? `&cursor=${cursor}` : ''}`)).next;
    if (cursor) searchCursors.push(cursor);
  }
  const someIds = (await get(`${apiUrl}/api/v1/sites/${SITE}/review?status=held&limit=200&order=oldest`)).comments.map((c) => c.id);
  const prolific = await site.bench.db.selectFrom('comments').select('id').where('email_hash', '=', PROLIFIC).limit(50).execute();

  await time('filters site, unfiltered first page', () => queue);
  await time('search, a word in every comment', () => `${queue}&q=comment`);
  await time('search, a word in 1 % ("casino")', () => `${queue}&q=casino`);
  await time('search, 1 % word, deep pages (cursor)', () => `${queue}&q=casino&cursor=${pick(searchCursors)}`);
  await time('search, a word in about 5 % ("news")', () => `${queue}&q=news`);
  await time('search, a number (about 10 comments)', () => `${queue}&q=${1 + Math.floor(Math.random() * rows)}`);
  await time('search, a prefix ("casi")', () => `${queue}&q=casi`);
  await time('filter, one article of 200', () => `${queue}&article=${article()}`);
  await time('filter, one article of 200, oldest first', () => `${queue}&order=oldest&article=${article()}`);
  await time('filter, language ru (30 %)', () => `${queue}&language=ru`);
  await time('filter, language und (10 %)', () => `${queue}&language=und`);
  await time('filter, reason links (14 %)', () => `${queue}&reason=links`);
  await time('filter, all four at once', () => `${queue}&q=comment&article=${article()}&language=en&reason=spam-model`);
  await time('author view, a one-comment author', () => `${apiUrl}/api/v1/comments/${pick(someIds)}/author-comments`);
  await time('author view, 1,000 comments (first 100)', () => `${apiUrl}/api/v1/comments/${pick(prolific).id}/author-comments`);
  await time('author view, 1,000 comments (500 at once)', () => `${apiUrl}/api/v1/comments/${pick(prolific).id}/author-comments?limit=500`);
}
