import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { verifyWebhookSignature } from '@moderato/webhooks';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { eventually } from '../support/eventually';
import { CLEAN_COMMENT, givenSite } from '../support/fixtures';
import { givenStaff } from '../support/staff';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { startWorkerUnderTest } from '../support/worker-under-test';
import { launchChromium } from '../browser/browser-support';
import type { RunningWorker } from '../../apps/worker/src/worker';
import { signInToDashboard } from '../support/dashboard';

// An owner sets the site's webhook in Chromium: a refused URL, then the
// receiver's, in Slack format; the secret shown once; a test send whose
// delivery shows in the log; a held comment's delivery after it.
const SITE = 'hooked-blog';
const OPEN = { MODERATO_WEBHOOK_ALLOW_HTTP: 'on', MODERATO_WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'on', MODERATO_WEBHOOK_RETRY_DELAY_MS: '200', MODERATO_PUBLIC_URL: 'https://comments.example.org' };
let testDb: TestDatabase;
let api: ApiUnderTest;
let worker: { sut: RunningWorker };
let receiver: WebhookReceiver;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, SITE, { premoderate: true });
  await givenStaff(testDb.db, 'owner@hooks.example', 'owner', [SITE]);
  await givenStaff(testDb.db, 'moderator@hooks.example', 'moderator', [SITE]);
  const env = { databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() };
  receiver = await startWebhookReceiver();
  api = await startApiUnderTest(env, { MODERATO_RATE_LIMIT: 'off', MODERATO_DUPLICATE_WINDOW_SECONDS: '0', ...OPEN });
  worker = await startWorkerUnderTest(env, OPEN);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await worker?.sut.close();
  await api?.sut.close();
  await receiver?.close();
  await testDb?.close();
});

const signIn = (email: string) => signInToDashboard(page, api.sut.url, email);

it('hides the webhook from a moderator', async () => {
  await signIn('moderator@hooks.example');
  expect(await page.getByRole('button', { name: 'Webhook' }).isVisible()).toBe(false);
  await page.getByRole('button', { name: 'Sign out' }).click();
}, 30_000);

it('names what is wrong with a refused URL, and saves nothing', async () => {
  await signIn('owner@hooks.example');
  await page.getByRole('button', { name: 'Webhook' }).click();
  await page.getByLabel('Receiver URL').fill('ftp://files.example.org/drop');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('#webhook-error').filter({ hasText: 'url must use https' }).waitFor();
  expect(await page.getByLabel('Receiver URL').getAttribute('aria-invalid')).toBe('true');
  expect(await testDb.db.selectFrom('site_webhooks').selectAll().execute()).toEqual([]);
}, 30_000);

it('saves the receiver in Slack format, shows the secret once, and a test send shows in the log', async () => {
  await page.getByLabel('Receiver URL').fill(receiver.url);
  await page.getByLabel('Format').selectOption('slack');
  await page.getByLabel('Approved by a moderator').uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('#webhook-status').filter({ hasText: 'Saved.' }).waitFor();
  const secret = (await page.locator('#webhook-secret-value').textContent())!;
  expect(secret).toMatch(/^whsec_/);
  expect(await testDb.db.selectFrom('site_webhooks').select(['url', 'format', 'events']).executeTakeFirstOrThrow()).toEqual({
    url: receiver.url,
    format: 'slack',
    events: ['comment.held', 'comment.rejected'],
  });

  await page.getByRole('button', { name: 'Send test' }).click();
  await page.locator('#webhook-status').filter({ hasText: /^Test delivered: HTTP 200 in \d+ ms\.$/ }).waitFor({ timeout: 20_000 });
  const row = page.locator('#webhook-deliveries tr').first();
  expect(await row.locator('td').allTextContents()).toEqual([expect.any(String), 'webhook.test', '—', '1', 'HTTP 200', expect.stringMatching(/^\d+ ms$/)]);
  const [test] = receiver.received;
  expect(JSON.parse(test!.body)).toEqual({ text: `Moderato test event for Site ${SITE}: this webhook works.\n<https://comments.example.org/admin/|Open the dashboard>` });
  expect(verifyWebhookSignature(secret, test!.headers['x-moderato-signature'] as string, test!.body)).toBe(true);

  // The secret is not shown again once the view is opened afresh (it re-renders when the webhook is read again).
  await page.getByRole('button', { name: 'Queue' }).click();
  await page.getByRole('button', { name: 'Webhook' }).click();
  await page.locator('#webhook-secret').waitFor({ state: 'hidden' });
  await page.locator('#webhook-deliveries tr').first().waitFor();
  expect(await page.getByLabel('Format').inputValue()).toBe('slack');
}, 40_000);

it('shows a held comment’s delivery, after a failed attempt, in the log', async () => {
  receiver.answerWith(500);
  const posted = await postJson(`${api.sut.url}/api/v1/sites/${SITE}/articles/launch/comments`, { name: 'Reader', email: 'reader.w3@example.org', body: CLEAN_COMMENT });
  expect(posted.status).toBe(202);
  await eventually(async () => (receiver.received.filter((r) => r.body.includes('Held for review')).length >= 2 ? true : undefined), 15_000, 'the held event, retried');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.locator('#webhook-deliveries tr[data-ok="true"] td', { hasText: 'comment.held' }).waitFor();
  const rows = await page.locator('#webhook-deliveries tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(1, 5).map((td) => td.textContent)));
  expect(rows.slice(0, 3)).toEqual([
    ['comment.held', posted.json.id.slice(0, 8), '2', 'HTTP 200'],
    ['comment.held', posted.json.id.slice(0, 8), '1', 'HTTP 500'],
    ['webhook.test', '—', '1', 'HTTP 200'],
  ]);
  if (process.env.MODERATO_SCREENSHOTS) {
    mkdirSync(path.join(__dirname, '../../docs'), { recursive: true });
    await page.screenshot({ path: path.join(__dirname, '../../docs/webhooks.png'), fullPage: true });
  }
}, 40_000);
