import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { createScoreCommentQueue, type ScoreCommentQueue } from '@moderato/queue';
import { Redis } from 'ioredis';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { CLEAN_COMMENT, givenSite } from '../support/fixtures';
import { startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { eventually } from '../support/eventually';
import { startWorkerUnderTest } from '../support/worker-under-test';
import type { RunningWorker } from '../../apps/worker/src/worker';
import { createTestClock } from '../support/test-clock';
import { MIN_FILL_TIME_MS } from '../../apps/api/src/guard/bot-trap';
import { launchChromium, serveHostPage, type HostPage } from './browser-support';

// The embed in a real browser, on a page of another origin, against the real
// API and worker: what a reader of a blog sees.
let testDb: TestDatabase;
let api: ApiUnderTest;
let worker: RunningWorker;
let host: HostPage;
let strangerHost: HostPage;
let browser: Browser;
let redis: Redis;
let queue: ScoreCommentQueue;
const clock = createTestClock();

beforeAll(async () => {
  testDb = await createTestDatabase();
  const env = { databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() };
  api = await startApiUnderTest(env, undefined, { clock: clock.now });
  worker = (await startWorkerUnderTest(env)).sut;
  redis = new Redis(env.redisUrl);
  queue = createScoreCommentQueue({ connection: redis, prefix: env.queuePrefix });
  host = await serveHostPage({ apiUrl: api.sut.url, site: 'blog', article: 'post-1' });
  strangerHost = await serveHostPage({ apiUrl: api.sut.url, site: 'blog', article: 'post-1', target: '#comments' });
  await givenSite(testDb.db, 'blog', { allowedOrigins: [host.origin] });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await strangerHost?.close();
  await worker?.close();
  await api?.sut.close();
  await queue?.close();
  redis?.disconnect();
  await testDb?.close();
});

async function openArticle(url = host.url): Promise<{ page: Page; dialogs: string[] }> {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.setDefaultTimeout(10_000);
  await page.goto(url);
  await page.locator('.moderato-comments[data-state="ready"]').waitFor();
  return { page, dialogs };
}

/** An approved comment written straight to the database, as the worker would. */
async function givenApproved(body: string, name = 'Reader', parentId: string | null = null): Promise<string> {
  const id = randomUUID();
  await testDb.db
    .insertInto('comments')
    .values({
      id, site_id: 'blog', article_id: 'post-1', parent_id: parentId, author_name: name, email_encrypted: 'v1.x.y.z', email_hash: 'h',
      ip_hash: null, body, status: 'approved', spam_score: 0, toxicity_score: 0, reasons: '[]', model_version: 'test', thresholds: '{}',
      created_at: new Date(), decided_at: new Date(),
    })
    .execute();
  return id;
}

// The form token refuses submits under 2 s after render, as a bot's would be:
// the API's clock is moved past that instead of the test waiting it out.
const humanPause = () => clock.advance(MIN_FILL_TIME_MS + 100);

it('renders the form with real labels, required markers and the privacy note', async () => {
  const { page } = await openArticle();
  for (const label of ['Name *', 'Email *', 'Comment *']) await expect(page.locator('label', { hasText: label }).count()).resolves.toBe(1);
  await expect(page.getByLabel('Name').getAttribute('required')).resolves.toBe('');
  await expect(page.getByLabel('Email').getAttribute('type')).resolves.toBe('email');
  await expect(page.getByText('Your e-mail will not be published').isVisible()).resolves.toBe(true);
  await expect(page.getByText('Required fields are marked *').isVisible()).resolves.toBe(true);
  // The form sits where the snippet stands: before the footer that follows it.
  const order = await page.evaluate(() => {
    const embed = document.querySelector('.moderato-comments');
    const footer = document.querySelector('footer');
    return embed && footer ? embed.compareDocumentPosition(footer) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
  });
  expect(order).toBeTruthy();
  await page.close();
});

it('refuses an empty submit on the page, sending nothing', async () => {
  const { page } = await openArticle();
  const posts: string[] = [];
  page.on('request', (request) => void (request.method() === 'POST' && posts.push(request.url())));
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Please enter your name.').isVisible()).resolves.toBe(true);
  await expect(page.getByText('Please write a comment.').isVisible()).resolves.toBe(true);
  await expect(page.getByLabel('Name').getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(page.evaluate(() => document.querySelector('.moderato-comments')?.shadowRoot?.activeElement?.id)).resolves.toBe('moderato-name');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Please enter a valid e-mail address', { exact: false }).isVisible()).resolves.toBe(true);
  expect(posts).toEqual([]);
  await page.close();
});

it('shows the pending status after a valid submit, and the approved comment after a reload', async () => {
  const { page } = await openArticle();
  humanPause();
  await page.getByLabel('Name').fill('Browser Reader');
  await page.getByLabel('Email').fill('browser.reader.q3@example.org');
  await page.getByRole('textbox', { name: 'Comment', exact: true }).fill(CLEAN_COMMENT);
  const posted = page.waitForResponse((response) => response.request().method() === 'POST');
  // A double click posts once.
  await page.getByRole('button', { name: 'Post comment' }).dblclick();
  const response = await posted;
  expect(response.status()).toBe(202);
  await page.getByText('Your comment is awaiting moderation.').waitFor();
  const { id } = (await response.json()) as { id: string };
  await eventually(async () => (await testDb.db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirst())?.status, 10_000, 'the decision');
  expect(await queue.getJobCounts('completed', 'waiting', 'active')).toMatchObject({ waiting: 0, active: 0 });
  expect(await testDb.db.selectFrom('comments').select('id').where('author_name', '=', 'Browser Reader').execute()).toHaveLength(1);

  await page.reload();
  await page.locator('.moderato-comments[data-state="ready"]').waitFor();
  await expect(page.locator(`li[data-id="${id}"]`).getByText(CLEAN_COMMENT).isVisible()).resolves.toBe(true);
  await page.close();
});

it('shows HTML in bodies as text and runs nothing; keeps line breaks; nests replies', async () => {
  const attack = '<img src=x onerror=alert(1)>';
  const parent = await givenApproved(`${attack}\nsecond line`, '<b>Mallory</b>');
  await givenApproved('A reply with a link: https://example.org/page.', 'Replier', parent);
  const { page, dialogs } = await openArticle();
  const parentItem = page.locator(`li[data-id="${parent}"]`);
  await expect(parentItem.locator(':scope > article .body').textContent()).resolves.toBe(`${attack}\nsecond line`);
  await expect(parentItem.locator(':scope > article .name').textContent()).resolves.toBe('<b>Mallory</b>');
  await expect(page.locator('.moderato-comments img, .moderato-comments b').count()).resolves.toBe(0);
  const lines = await parentItem.locator(':scope > article .body').evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
  expect(Math.round(lines)).toBeGreaterThanOrEqual(2);
  const reply = parentItem.locator(':scope > ol.replies > li');
  await expect(reply.getByText('A reply with a link').isVisible()).resolves.toBe(true);
  // The default link style is text: no link is made.
  await expect(reply.locator('a').count()).resolves.toBe(0);
  // Nothing that could run later either: no element carries an event handler attribute.
  const handlers = await page.evaluate(() =>
    [...(document.querySelector('.moderato-comments')?.shadowRoot?.querySelectorAll('*') ?? [])].flatMap((el) => el.getAttributeNames().filter((name) => name.startsWith('on'))),
  );
  expect(handlers).toEqual([]);
  expect(dialogs).toEqual([]);
  await page.close();
});

it('lets a reader reply by keyboard alone', async () => {
  const { page } = await openArticle();
  await page.getByRole('button', { name: /^Reply to/ }).first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Reply to/ }).isVisible()).resolves.toBe(true);
  await expect(page.evaluate(() => document.querySelector('.moderato-comments')?.shadowRoot?.activeElement?.id)).resolves.toBe('moderato-name');
  await page.getByRole('button', { name: 'Cancel reply' }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Leave a comment' }).isVisible()).resolves.toBe(true);
  await page.close();
});

it('cannot post from a page of an origin the site does not allow', async () => {
  const { page } = await openArticle(strangerHost.url);
  const before = await queue.getJobCountByTypes('waiting', 'active', 'completed', 'failed');
  humanPause();
  await page.getByLabel('Name').fill('Stranger');
  await page.getByLabel('Email').fill('stranger@example.org');
  await page.getByRole('textbox', { name: 'Comment', exact: true }).fill('Posted from a page the site does not list.');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await page.locator('.moderato-comments .status.bad').waitFor();
  await expect(page.getByText('Your comment is awaiting moderation.').count()).resolves.toBe(0);
  expect(await queue.getJobCountByTypes('waiting', 'active', 'completed', 'failed')).toBe(before);
  await page.close();
});
