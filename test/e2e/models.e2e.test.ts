import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import type { Decision } from '@moderato/core';
import { recordShadowDecisions } from '@moderato/db';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { givenSite } from '../support/fixtures';
import { acceptedComment, recordDecision, scoreResult } from '../support/comment-factory';
import { startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { bearer, givenStaff } from '../support/staff';
import { givenSiteModel, heldOut } from '../support/site-models';
import { startWorkerUnderTest } from '../support/worker-under-test';
import { launchChromium } from '../browser/browser-support';
import type { RunningWorker } from '../../apps/worker/src/worker';
import { signInToDashboard } from '../support/dashboard';

// An owner looks over the site's models in Chromium: the candidates' held-out
// figures beside live's, the shadow's disagreements, agreement per week; then
// promotes one, forces a worse one through the confirmation, and rolls back.
let testDb: TestDatabase;
let api: ApiUnderTest;
let browser: Browser;
let page: Page;
let worker: { sut: RunningWorker };
let ownerToken: string;
let moderatorId: string;

const SITE = 'learning';
const SHIPPED = 'linear-hash-v2+8d5a195a32d0';
const HOSTILE = 'Nice post <img src=x onerror="window.__pwned = 1"> see you';
let hostileId: string;

/**
 * A comment the live model decided `weeksAgo`, labelled by a moderator; with
 * what the shadow (v3) decided for it when `shadow` is given.
 */
async function givenLabelledDecision(options: { weeksAgo: number; live: Decision; bad: boolean; shadow?: Decision; body?: string }): Promise<string> {
  const comment = acceptedComment({ siteId: SITE, name: 'Reader', body: options.body ?? `A comment from ${options.weeksAgo} weeks ago` });
  await recordDecision(testDb.db, comment, scoreResult(options.live, { modelVersion: SHIPPED, spam: options.bad ? 0.6 : 0.1 }));
  if (options.shadow) {
    await recordShadowDecisions(testDb.db, [
      { commentId: comment.id, siteId: SITE, modelVersion: 3, decision: options.shadow, spam: 0.2, toxicity: 0.03, reasons: [{ code: 'spam-model', message: 'spam model 0.20', matches: ['post'] }] },
    ]);
  }
  await testDb.db.insertInto('moderation_labels').values({ comment_id: comment.id, site_id: SITE, spam: options.bad, toxic: false, labelled_by: moderatorId }).execute();
  const at = sql`now() - make_interval(weeks => ${options.weeksAgo})`;
  await sql`update comments set decided_at = ${at} where id = ${comment.id}`.execute(testDb.db);
  await sql`update moderation_labels set labelled_at = ${at} where comment_id = ${comment.id}`.execute(testDb.db);
  await sql`update shadow_decisions set created_at = ${at} where comment_id = ${comment.id}`.execute(testDb.db);
  return comment.id;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, SITE);
  const owner = await givenStaff(testDb.db, 'owner@models.example', 'owner', [SITE]);
  ownerToken = owner.token;
  moderatorId = (await givenStaff(testDb.db, 'moderator@models.example', 'moderator', [SITE])).user.id;
  const shipped = heldOut(0.84, { badApproved: 0.12, rocAuc: 0.88 });
  await givenSiteModel(testDb.db, SITE, 1, { metrics: { candidate: heldOut(0.91, { badApproved: 0.06, rocAuc: 0.93 }), live: shipped, liveVersion: null } });
  await givenSiteModel(testDb.db, SITE, 2, { metrics: { candidate: heldOut(0.78, { badApproved: 0.18, rocAuc: 0.81 }), live: shipped, liveVersion: null } });
  await givenSiteModel(testDb.db, SITE, 3, { status: 'shadow', metrics: { candidate: heldOut(0.93, { badApproved: 0.04, rocAuc: 0.95 }), live: shipped, liveVersion: null } });
  await testDb.db
    .insertInto('site_model_events')
    .values([1, 2, 3].map((version) => ({ site_id: SITE, version, action: 'train', actor: owner.user.id })))
    .execute();
  await testDb.db.insertInto('site_model_events').values({ site_id: SITE, version: 3, action: 'shadow', actor: owner.user.id }).execute();
  // Five weeks of the shipped model's decisions, the last two with v3 in shadow beside it: 51 labels, enough to train on.
  for (let weeksAgo = 5; weeksAgo >= 1; weeksAgo--) {
    for (let i = 0; i < 10; i++) {
      const bad = i < 3;
      const live: Decision = bad ? (i < weeksAgo - 1 ? 'approve' : 'reject') : i < 7 ? 'approve' : 'hold';
      const shadow: Decision | undefined = weeksAgo <= 2 ? (bad ? 'reject' : i < 9 ? 'approve' : 'hold') : undefined;
      await givenLabelledDecision({ weeksAgo, live, bad, shadow });
    }
  }
  hostileId = await givenLabelledDecision({ weeksAgo: 1, live: 'hold', bad: false, shadow: 'approve', body: HOSTILE });
  const env = { databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() };
  api = await startApiUnderTest(env);
  worker = await startWorkerUnderTest(env);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await worker?.sut.close();
  await api?.sut.close();
  await testDb?.close();
});

const statuses = async () =>
  Object.fromEntries(
    (await testDb.db.selectFrom('site_models').select(['version', 'status']).where('site_id', '=', SITE).execute()).map((m) => [m.version, m.status]),
  );
const row = (version: number) => page.locator(`tr[data-model="${version}"]`);

const signIn = (email: string) => signInToDashboard(page, api.sut.url, email);

it('hides Models from a moderator', async () => {
  await signIn('moderator@models.example');
  expect(await page.getByRole('button', { name: 'QA' }).isVisible()).toBe(true);
  expect(await page.getByRole('button', { name: 'Models' }).isVisible()).toBe(false);
  await page.getByRole('button', { name: 'Sign out' }).click();
}, 30_000);

it('shows the models beside live, the agreement chart, and the shadow comparison with comment text as text', async () => {
  await signIn('owner@models.example');
  await page.getByRole('button', { name: 'Models' }).click();
  await page.locator('#comparison-summary').waitFor();

  expect(await page.locator('#models-summary').textContent()).toMatch(/^The shipped model decides.* v3 runs in shadow/);
  expect(await page.locator('.models-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-model')))).toEqual(['shipped', '3', '2', '1']);
  expect(await row(3).locator('td').nth(0).textContent()).toBe('shadow');
  expect(await row(1).locator('[data-figure="agreement"]').textContent()).toBe('91.0%shipped 84.0%');
  expect(await row(2).locator('[data-figure="badApproved"]').textContent()).toBe('18.0%shipped 12.0%');
  expect(await row(2).locator('.badge').textContent()).toBe('worse than live');
  expect(await row(1).locator('.badge').count()).toBe(0);
  expect(await row(3).getByRole('button', { name: 'Shadow' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Roll back' }).isDisabled()).toBe(true);

  // One line per model: the shipped model's live decisions over five weeks, v3's over the two it ran in shadow.
  const series = await page.locator('#models svg.chart g.series').evaluateAll((groups) => groups.map((g) => [g.getAttribute('data-series'), g.querySelectorAll('circle').length]));
  expect(series).toEqual([[`shipped ${SHIPPED}`, 5], ['v3 in shadow', 2]]);

  // 21 compared over the two weeks: v3 rejected the bad one live approved, and approved 4 clean ones live held and the hostile one.
  expect(await page.locator('#comparison-summary').textContent()).toBe('Compared 21 decisions: v3 agreed with live on 15 (71%).');
  expect(await page.locator('[data-pair="approve→reject"] td').nth(1).textContent()).toBe('1');
  expect(await page.locator('[data-pair="hold→approve"] td').nth(1).textContent()).toBe('5');
  expect(await page.locator('.disagreements > li').count()).toBe(6);
  const hostile = page.locator(`[data-comment="${hostileId}"]`);
  expect(await hostile.locator('.body').textContent()).toBe(HOSTILE);
  expect(await hostile.locator('.verdicts').textContent()).toBe('Live: hold (spam 0.10, toxicity 0.20) · v3: approve (spam 0.20, toxicity 0.03)');
  expect(await page.locator('#models img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  if (process.env.MODERATO_SCREENSHOTS) {
    mkdirSync(path.join(__dirname, '../../docs'), { recursive: true });
    await page.screenshot({ path: path.join(__dirname, '../../docs/models.png'), fullPage: true });
  }
}, 30_000);

it('promotes a better candidate', async () => {
  await row(1).getByRole('button', { name: 'Promote' }).click();
  await page.locator('#models-status').filter({ hasText: 'v1 is live.' }).waitFor();
  expect(await statuses()).toEqual({ 1: 'live', 2: 'candidate', 3: 'shadow' });
  expect(await page.locator('#models-summary').textContent()).toMatch(/^Site model v1 decides\./);
  expect(await page.locator('.models-table tbody tr').first().getAttribute('data-model')).toBe('1');
  expect(await page.locator('#model-events li').first().textContent()).toMatch(/^promoted v1 \(was the shipped model\) by owner@models\.example · /);
}, 30_000);

it('promotes a worse candidate only through the "promote anyway" confirmation', async () => {
  await row(2).getByRole('button', { name: 'Promote' }).click();
  const dialog = page.getByRole('dialog', { name: 'Promote anyway?' });
  await dialog.waitFor();
  expect(await dialog.locator('#force-promote-reason').textContent()).toMatch(/^model v2 is worse than live on its held-out labels/);
  expect(await statuses()).toEqual({ 1: 'live', 2: 'candidate', 3: 'shadow' });

  // Cancel leaves everything as it was; the second time, promote anyway.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  expect(await statuses()).toEqual({ 1: 'live', 2: 'candidate', 3: 'shadow' });
  await row(2).getByRole('button', { name: 'Promote' }).click();
  await dialog.getByRole('button', { name: 'Promote anyway' }).click();
  await page.locator('#models-status').filter({ hasText: 'v2 is live (forced).' }).waitFor();

  expect(await statuses()).toEqual({ 1: 'retired', 2: 'live', 3: 'shadow' });
  const event = await testDb.db.selectFrom('site_model_events').select(['version', 'forced']).where('site_id', '=', SITE).where('action', '=', 'promote').orderBy('id', 'desc').executeTakeFirstOrThrow();
  expect(event).toEqual({ version: 2, forced: true });
  expect(await page.locator('#model-events li').first().textContent()).toMatch(/^promoted v2 \(was v1\) forced by owner@models\.example · /);
}, 30_000);

it('rolls back to the model live before', async () => {
  await page.getByRole('button', { name: 'Roll back' }).click();
  await page.locator('#models-status').filter({ hasText: 'Rolled back: v2 retired, v1 decides.' }).waitFor();
  expect(await statuses()).toEqual({ 1: 'live', 2: 'retired', 3: 'shadow' });
  const answer = await fetch(`${api.sut.url}/api/v1/sites/${SITE}/models`, { headers: bearer(ownerToken) });
  expect((await answer.json()).live).toBe(1);
  expect(await row(2).locator('td').nth(0).textContent()).toBe('retired');
}, 30_000);

it('puts a candidate in shadow and shows its (empty) comparison', async () => {
  await row(2).getByRole('button', { name: 'Shadow' }).click();
  await page.locator('#models-status').filter({ hasText: 'v2 is in shadow.' }).waitFor();
  expect(await statuses()).toEqual({ 1: 'live', 2: 'shadow', 3: 'candidate' });
  await page.locator('#model-comparison h3').filter({ hasText: 'v2 beside live' }).waitFor();
  expect(await page.locator('#model-comparison').textContent()).toContain('No decisions to compare yet');
}, 30_000);

it('trains a candidate in the worker, and the page shows it when it is done', async () => {
  await page.getByRole('button', { name: 'Train now' }).click();
  await page.locator('#models-status').filter({ hasText: /^Training queued \(job .+\)\. The new candidate shows here when the workers finish\.$/ }).waitFor();
  // The page looks again every 5 s (TRAINING_POLL_MS in apps/web/admin/models.js).
  await page.locator('#models-status').filter({ hasText: 'Training finished: v4 is a candidate.' }).waitFor({ timeout: 50_000 });
  expect(await statuses()).toEqual({ 1: 'live', 2: 'shadow', 3: 'candidate', 4: 'candidate' });
  expect(await row(4).locator('[data-figure="agreement"] .muted').textContent()).toMatch(/^v1 \d+\.\d%$/);
  expect(await page.locator('#model-events li').first().textContent()).toMatch(/^trained v4 by owner@models\.example · /);
}, 60_000);
