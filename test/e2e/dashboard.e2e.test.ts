import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { CLEAN_COMMENT, givenSite, SPAM_COMMENT } from '../support/fixtures';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { eventually } from '../support/eventually';
import { startWorkerUnderTest } from '../support/worker-under-test';
import { givenStaff } from '../support/staff';
import { launchChromium } from '../browser/browser-support';
import { startDelayingProxy } from '../support/delaying-proxy';
import type { RunningWorker } from '../../apps/worker/src/worker';
import { signInToDashboard } from '../support/dashboard';

// A moderator clears a premoderated site's queue in Chromium: click, keyboard, bulk.
let testDb: TestDatabase;
let api: ApiUnderTest;
let worker: { sut: RunningWorker };
let browser: Browser;
let page: Page;
const ids: Record<string, string> = {};

const COMMENTS = {
  clean: CLEAN_COMMENT,
  spam: SPAM_COMMENT,
  second: 'I tried the second approach and it worked on my machine too.',
  third: 'Could you write a follow-up about testing this?',
};

// The dashboard's undo window (UNDO_MS in apps/web/admin/app.js). The page's
// clock is Playwright's: the tests jump past the window instead of waiting it out.
const PAST_UNDO_WINDOW_MS = 4_100;

const statusOf = async (id: string) => (await testDb.db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirst())?.status;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'premod', { premoderate: true });
  await givenStaff(testDb.db, 'moderator@example.org', 'moderator', ['premod']);
  const env = { databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() };
  api = await startApiUnderTest(env);
  worker = await startWorkerUnderTest(env);
  for (const [key, body] of Object.entries(COMMENTS)) {
    const { json } = await postJson(`${api.sut.url}/api/v1/sites/premod/articles/launch-post/comments`, { name: `Reader ${key}`, email: `${key}@example.org`, body });
    ids[key] = json.id;
    await eventually(() => statusOf(json.id));
  }
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.clock.install();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await worker?.sut.close();
  await api?.sut.close();
  await testDb?.close();
});

/** The dashboard opens on the overview; the queue is one click away. */
const openQueue = () => page.getByRole('button', { name: 'Queue', exact: true }).click();
const card = (key: string) => page.locator(`.card[data-id="${ids[key]}"]`);
const thread = async () =>
  (await (await fetch(`${api.sut.url}/api/v1/sites/premod/articles/launch-post/comments`)).json()).comments.map((c: { id: string }) => c.id);

it('signs in and shows the held comments with scores, reasons and highlighted words', async () => {
  await signInToDashboard(page, api.sut.url, 'moderator@example.org');
  await openQueue();

  await page.locator('.card').first().waitFor();
  expect(await page.locator('.card').count()).toBe(4);
  expect(await page.getByRole('tab', { name: /Held \(4\)/ }).count()).toBe(1);
  // Likely bad first: the spam comment leads, its matched words marked.
  expect(await page.locator('.card').first().getAttribute('data-id')).toBe(ids.spam);
  expect(await card('spam').locator('mark').count()).toBeGreaterThan(0);
  expect(await card('spam').locator('.lang').textContent()).toBe('EN');
  expect(await card('spam').locator('.reasons li').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/spam model/)]));
  // MODERATO_SCREENSHOTS=1 npm test refreshes the screenshot in docs/.
  if (process.env.MODERATO_SCREENSHOTS) {
    mkdirSync(path.join(__dirname, '../../docs'), { recursive: true });
    await page.screenshot({ path: path.join(__dirname, '../../docs/review-queue.png'), fullPage: true });
  }
});

it('approves with a click, and the comment appears in the public thread', async () => {
  await card('clean').getByRole('button', { name: 'Approve' }).click();
  await page.clock.fastForward(PAST_UNDO_WINDOW_MS);
  await eventually(async () => ((await statusOf(ids.clean!)) === 'approved' ? true : undefined));
  expect(await thread()).toEqual([ids.clean]);
  expect(await card('clean').count()).toBe(0);
});

it('approves with the keyboard', async () => {
  await page.locator('.toast').waitFor({ state: 'hidden' });
  // The queue is spam, second, third (likely bad first): move down once, approve.
  await page.locator('.card').first().focus();
  await page.keyboard.press('j');
  const focused = await page.locator('.card.focused').getAttribute('data-id');
  await page.keyboard.press('a');
  await page.clock.fastForward(PAST_UNDO_WINDOW_MS);
  await eventually(async () => ((await statusOf(focused!)) === 'approved' ? true : undefined));
  expect(await thread()).toContain(focused);
});

it('undoes an action within the undo window', async () => {
  await page.locator('.toast').waitFor({ state: 'hidden' });
  await page.goto(`${api.sut.url}/admin/`);
  await openQueue();
  await page.locator('.card').first().waitFor();
  const first = await page.locator('.card').first().getAttribute('data-id');
  await page.locator('.card').first().getByRole('button', { name: 'Reject' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await page.locator(`.card[data-id="${first}"]`).count()).toBe(1);
  expect(await statusOf(first!)).toBe('held');
});

it('bulk-rejects the selection and shows the history', async () => {
  await page.goto(`${api.sut.url}/admin/`);
  await openQueue();
  await page.locator('.card').first().waitFor();
  const remaining = await page.locator('.card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-id')));
  expect(remaining).toHaveLength(2);
  for (const id of remaining) await page.locator(`.card[data-id="${id}"] input[type=checkbox]`).check();
  await page.getByRole('button', { name: 'Reject selected' }).click();
  await page.clock.fastForward(PAST_UNDO_WINDOW_MS);
  await eventually(async () => ((await statusOf(remaining[1]!)) === 'rejected' && (await statusOf(remaining[0]!)) === 'rejected' ? true : undefined));
  expect(await page.locator('.card').count()).toBe(0);

  await page.getByRole('tab', { name: /Rejected/ }).click();
  await page.locator('.card').first().waitFor();
  await page.locator('.card').first().getByRole('button', { name: 'History' }).click();
  await page.locator('#history li').nth(2).waitFor();
  const events = await page.locator('#history li').allTextContents();
  expect(events.map((e) => e.split(' ')[0])).toEqual(['intake', 'decide', 'reject']);
  expect(events[2]).toContain('moderator@example.org');
  expect(await thread()).toHaveLength(2);
});

it('still saves an action waiting out its undo window when the moderator leaves the page', async () => {
  const { json } = await postJson(`${api.sut.url}/api/v1/sites/premod/articles/launch-post/comments`, { name: 'Reader late', email: 'late@example.org', body: 'One more thought on the launch post.' });
  await eventually(async () => ((await statusOf(json.id)) === 'held' ? true : undefined));
  // On a slow link the action is still on its way when the page is gone: only a keepalive request survives that.
  const slowLink = await startDelayingProxy(api.sut.url, { delayMs: 1_000, matches: (chunk) => chunk.toString('latin1').startsWith('POST /api/v1/comments/') });
  try {
    await page.goto(`${slowLink.url}/admin/`);
    await openQueue();
    await page.locator(`.card[data-id="${json.id}"]`).waitFor();
    // The page's clock stands still: the undo window never ends, so only leaving the page can send the action.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1);
    await page.locator(`.card[data-id="${json.id}"]`).getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    await page.goto('about:blank');
    await eventually(async () => ((await statusOf(json.id)) === 'approved' ? true : undefined), 5_000, 'the approval sent on leaving');
  } finally {
    await slowLink.close();
  }
});
