/**
 * The embed's size and render time: `npx tsx scripts/bench-embed.ts`.
 *
 * Prints embed.js raw and gzipped sizes, then renders the thread of an
 * article with 1,000 approved comments (a fifth of them replies) in headless
 * Chromium, from a page of another origin, and prints the median of 5 runs:
 * from the script starting to the whole thread in the DOM (10 pages fetched
 * from the real API) and from navigation start. Goal: under 300 ms.
 * Uses a throwaway database on BENCH_DATABASE_SERVER_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres) and Redis at REDIS_URL.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { createLogger, loadConfig } from '@moderato/config';
import { DEFAULT_SITE_SETTINGS } from '@moderato/core';
import { createDatabase, createSite, migrateToLatest } from '@moderato/db';
import { buildEmbedScript } from '../apps/api/src/embed-asset';
import { startApiServer } from '../apps/api/src/server';
import { launchChromium, serveHostPage } from '../test/browser/browser-support';

const COMMENTS = 1_000;
const RUNS = 5;
const serverUrl = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function withThrowawayDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const name = `moderato_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await run(url.toString());
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function seed(url: string): Promise<void> {
  const db = createDatabase({ url });
  await migrateToLatest(db);
  await createSite(db, { id: 'bench', name: 'Bench', settings: { ...DEFAULT_SITE_SETTINGS, linkStyle: 'nofollow' } });
  const ids: string[] = [];
  const start = Date.now() - COMMENTS * 60_000;
  const rows = Array.from({ length: COMMENTS }, (_, i) => {
    const id = randomUUID();
    // Every fifth comment replies to an earlier one.
    const parentId = i % 5 === 4 ? (ids[Math.floor(i / 2)] ?? null) : null;
    ids.push(id);
    return {
      id, site_id: 'bench', article_id: 'long-thread', parent_id: parentId, author_name: `Reader ${i}`, email_encrypted: 'v1.x.y.z',
      email_hash: `h${i % 97}`, ip_hash: null, status: 'approved' as const, spam_score: 0.01, toxicity_score: 0.01, reasons: '[]',
      body: `Comment ${i}: a few sentences of an ordinary length, about the article.\nWith a second line and a link https://example.org/${i}.`,
      model_version: 'bench', thresholds: '{}', created_at: new Date(start + i * 60_000), decided_at: new Date(),
    };
  });
  for (let i = 0; i < rows.length; i += 250) await db.insertInto('comments').values(rows.slice(i, i + 250)).execute();
  await db.destroy();
}

async function main(): Promise<void> {
  // As served: the script with every language's catalogue in it.
  const source = buildEmbedScript();
  console.log(`embed.js: ${source.length} bytes raw, ${gzipSync(source, { level: 9 }).length} bytes gzipped (limit 12,288)`);

  await withThrowawayDatabase(async (databaseUrl) => {
    await seed(databaseUrl);
    const config = loadConfig({
      ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl,
      MODERATO_QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`, MODERATO_RATE_LIMIT: 'off', LOG_LEVEL: 'silent',
    });
    const api = await startApiServer(config, createLogger({ level: 'silent', service: 'api' }));
    const host = await serveHostPage({ apiUrl: api.url, site: 'bench', article: 'long-thread' });
    const browser = await launchChromium();
    try {
      const sinceScript: number[] = [];
      const rendering: number[] = [];
      const sinceNavigation: number[] = [];
      let count = 0;
      for (let run = 0; run < RUNS + 1; run++) {
        const page = await browser.newPage();
        // Strings, not functions: tsx's transpiled closures do not survive the trip into the page.
        await page.addInitScript(
          "document.addEventListener('moderato:rendered', (e) => { window.__rendered = { ...e.detail, now: performance.now() }; });",
        );
        await page.goto(host.url);
        const handle = await page.waitForFunction('window.__rendered', undefined, { timeout: 30_000 });
        const result = (await handle.jsonValue()) as { count: number; ms: number; renderMs: number; now: number };
        await page.close();
        // The first run warms the API's and Postgres's caches: not counted.
        if (run === 0) continue;
        count = result.count;
        sinceScript.push(result.ms);
        rendering.push(result.renderMs);
        sinceNavigation.push(result.now);
      }
      console.log(`thread of ${count} approved comments, median of ${RUNS} runs in headless Chromium:`);
      console.log(`  building the DOM of the thread (the embed's own work): ${Math.round(median(rendering))} ms (goal < 300 ms)`);
      console.log(`  script start → all rendered (thread fetched, 1,000 a page): ${Math.round(median(sinceScript))} ms`);
      console.log(`  navigation start → all rendered: ${Math.round(median(sinceNavigation))} ms`);
    } finally {
      await browser.close();
      await host.close();
      await api.close();
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
