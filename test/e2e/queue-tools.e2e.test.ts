import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Reason } from '@moderato/core';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { givenSite } from '../support/fixtures';
import { acceptedComment, recordDecision, scoreResult } from '../support/comment-factory';
import { startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { eventually } from '../support/eventually';
import { givenStaff } from '../support/staff';
import { launchChromium } from '../browser/browser-support';
import { signInToDashboard } from '../support/dashboard';

// A moderator of two sites narrows the queue in Chromium: search, filters,
// everything one commenter wrote, and the switch between sites.
let testDb: TestDatabase;
let api: ApiUnderTest;
let browser: Browser;
let page: Page;
const ids: Record<string, string> = {};

const LINKS: Reason = { code: 'links', message: '3 links (more than 2)' };
const SPAMMER = '5'.repeat(64);

async function given(key: string, options: { site?: string; article: string; name: string; body: string; language?: string; reasons?: Reason[]; spam: number; status?: 'hold' | 'approve'; emailHash?: string; minutesAgo: number }) {
  const comment = acceptedComment({
    siteId: options.site ?? 'news',
    articleId: options.article,
    name: options.name,
    body: options.body,
    emailHash: options.emailHash ?? createHash('sha256').update(key).digest('hex'),
    acceptedAt: new Date(Date.now() - options.minutesAgo * 60_000).toISOString(),
  });
  await recordDecision(testDb.db, comment, scoreResult(options.status ?? 'hold', { spam: options.spam, reasons: options.reasons ?? [], language: options.language ?? 'en' }));
  ids[key] = comment.id;
}

const statusOf = async (id: string) => (await testDb.db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const shownCards = () => page.locator('#queue .card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-id')));
const keysOf = (shown: Array<string | null>) => shown.map((id) => Object.keys(ids).find((key) => ids[key] === id));
/** The queue once it shows exactly these comments, in this order. */
async function queueShows(keys: string[]) {
  const expected = keys.map((key) => ids[key]!);
  await page.waitForFunction((want) => JSON.stringify([...document.querySelectorAll('#queue .card')].map((c) => c.getAttribute('data-id'))) === JSON.stringify(want), expected, { timeout: 5_000 }).catch(() => undefined);
  expect(keysOf(await shownCards())).toEqual(keys);
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'news');
  await givenSite(testDb.db, 'forum');
  await givenStaff(testDb.db, 'moderator@example.org', 'moderator', ['news', 'forum']);
  await given('casino1', { article: 'budget-2027', name: 'Lucky Larry', body: 'Win big at the online casino, bonus codes in my profile http://a.example http://b.example http://c.example', reasons: [LINKS], spam: 0.9, emailHash: SPAMMER, minutesAgo: 50 });
  await given('casino2', { article: 'transit-plan', name: 'Lucky Larry', body: 'Casino night! Free spins for every reader.', spam: 0.85, emailHash: SPAMMER, minutesAgo: 40 });
  await given('casinoOld', { article: 'transit-plan', name: 'Larry', body: 'Nice article about the transit plan.', spam: 0.05, status: 'approve', emailHash: SPAMMER, minutesAgo: 600 });
  await given('budget', { article: 'budget-2027', name: 'Ada', body: 'The budget misses the cost of the new bridge entirely.', spam: 0.4, minutesAgo: 30 });
  await given('russian', { article: 'budget-2027', name: 'Ольга', body: 'Бюджет не учитывает стоимость нового моста.', language: 'ru', spam: 0.45, minutesAgo: 20 });
  await given('transit', { article: 'transit-plan', name: 'Ben', body: 'More buses on the night routes, please.', spam: 0.35, minutesAgo: 10 });
  // The same spammer on the other site: never in this site's author view.
  await given('forumSpam', { site: 'forum', article: 'welcome', name: 'Lucky Larry', body: 'Casino bonus for forum members', spam: 0.95, emailHash: SPAMMER, minutesAgo: 5 });
  await given('forumPost', { site: 'forum', article: 'welcome', name: 'Cleo', body: 'Hello everyone, glad to be here.', spam: 0.3, minutesAgo: 3 });
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await api?.sut.close();
  await testDb?.close();
});

/** The dashboard opens on the overview; the queue is one click away. */
const openQueue = () => page.getByRole('button', { name: 'Queue', exact: true }).click();

const screenshot = async (name: string) => {
  // MODERATO_SCREENSHOTS=1 refreshes the screenshots in docs/.
  if (!process.env.MODERATO_SCREENSHOTS) return;
  mkdirSync(path.join(__dirname, '../../docs'), { recursive: true });
  await page.screenshot({ path: path.join(__dirname, '../../docs', name), fullPage: true });
};

it('signs in to the first site, with a switcher showing each site and its held count', async () => {
  await signInToDashboard(page, api.sut.url, 'moderator@example.org');
  await openQueue();
  await page.locator('#queue .card').first().waitFor();
  const switcher = page.getByLabel('Site', { exact: true });
  expect(await switcher.locator('option').allTextContents()).toEqual(['Site forum · 2 held', 'Site news · 5 held']);
  expect(await switcher.inputValue()).toBe('forum');
});

it('switches site, and comes back to the chosen one after a reload', async () => {
  await page.getByLabel('Site', { exact: true }).selectOption('news');
  await queueShows(['casino1', 'casino2', 'russian', 'budget', 'transit']);
  await page.reload();
  await openQueue();
  await page.locator('#queue .card').first().waitFor();
  expect(await page.getByLabel('Site', { exact: true }).inputValue()).toBe('news');
  await queueShows(['casino1', 'casino2', 'russian', 'budget', 'transit']);
});

it('finds a comment by a word of its body, in English or Russian', async () => {
  await page.getByLabel('Search').fill('bridge');
  await queueShows(['budget']);
  expect(await page.locator('#filter-note').isVisible()).toBe(true);
  await page.getByLabel('Search').fill('моста');
  await queueShows(['russian']);
  // "/" jumps to the search box from the queue.
  await page.getByLabel('Search').fill('');
  await queueShows(['casino1', 'casino2', 'russian', 'budget', 'transit']);
  await page.locator('#queue .card').first().focus();
  await page.keyboard.press('/');
  await page.keyboard.type('casino');
  await queueShows(['casino1', 'casino2']);
  await screenshot('queue-search.png');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await queueShows(['casino1', 'casino2', 'russian', 'budget', 'transit']);
});

it('filters by article (also from a card), language and reason', async () => {
  await page.locator(`#queue .card[data-id="${ids.transit}"] button[data-article]`).click();
  await queueShows(['casino2', 'transit']);
  expect(await page.getByLabel('Article').inputValue()).toBe('transit-plan');
  await page.getByLabel('Article').fill('budget-2027');
  await page.getByLabel('Article').press('Enter');
  await queueShows(['casino1', 'russian', 'budget']);
  await page.locator('#filter-language').selectOption('ru');
  await queueShows(['russian']);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.locator('#filter-reason').selectOption('links');
  await queueShows(['casino1']);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await queueShows(['casino1', 'casino2', 'russian', 'budget', 'transit']);
});

it("shows everything one commenter wrote on this site, and approves all their held comments", async () => {
  await page.locator(`#queue .card[data-id="${ids.casino2}"]`).getByRole('button', { name: 'All by this author' }).click();
  await page.locator('#author-comments .card').first().waitFor();
  expect(await page.locator('#author-title').textContent()).toBe('All comments by Lucky Larry / Larry on this site');
  expect(await page.locator('#author-counts').textContent()).toBe('2 held · 1 approved · 0 rejected');
  // Newest first, every status; the forum's comment by the same email is not here.
  expect(keysOf(await page.locator('#author-comments .card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-id'))))).toEqual(['casino2', 'casino1', 'casinoOld']);
  expect(await page.locator('#author-comments .status').allTextContents()).toEqual(['held', 'held', 'approved']);
  await screenshot('author-view.png');

  await page.getByRole('button', { name: 'Approve all held (2)' }).click();
  await page.getByRole('button', { name: 'Yes, approve 2' }).click();
  await eventually(async () => ((await statusOf(ids.casino1!)) === 'approved' && (await statusOf(ids.casino2!)) === 'approved' ? true : undefined));
  await page.waitForFunction(() => document.querySelector('#author-counts')?.textContent === '0 held · 3 approved · 0 rejected');
  expect(await page.locator('#author-status').textContent()).toBe('Approved 2 comments.');
  expect(await statusOf(ids.forumSpam!)).toBe('held');
});

it('marks all of a commenter\'s comments as spam, and goes back to the queue', async () => {
  await page.getByRole('button', { name: 'Mark all as spam (3)' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(await statusOf(ids.casino1!)).toBe('approved');
  await page.getByRole('button', { name: 'Mark all as spam (3)' }).click();
  await page.getByRole('button', { name: 'Yes, mark 3 as spam' }).click();
  await page.waitForFunction(() => document.querySelector('#author-counts')?.textContent === '0 held · 0 approved · 3 rejected');
  for (const key of ['casino1', 'casino2', 'casinoOld']) expect(await statusOf(ids[key]!)).toBe('rejected');
  const labels = await testDb.db.selectFrom('moderation_labels').select('spam').where('comment_id', 'in', [ids.casino1!, ids.casino2!, ids.casinoOld!]).execute();
  expect(labels.map((l) => l.spam)).toEqual([true, true, true]);

  await page.getByRole('button', { name: '← Back to the queue' }).click();
  await queueShows(['russian', 'budget', 'transit']);
});
