import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { givenSite } from '../support/fixtures';
import { givenDecidedComment } from '../support/comment-factory';
import { startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { givenStaff } from '../support/staff';
import { launchChromium } from '../browser/browser-support';
import { signInToDashboard } from '../support/dashboard';

// An owner tunes thresholds in Chromium: move a slider, see the preview, save.
let testDb: TestDatabase;
let api: ApiUnderTest;
let browser: Browser;
let page: Page;
/** Spam scores of the comments moderators rejected (labelled spam). */
const rejectedByModerators: number[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'tuned');
  await givenStaff(testDb.db, 'owner@example.org', 'owner', ['tuned']);
  // A spread of scores, as a real site's recent comments would have.
  for (let i = 0; i < 60; i++) {
    const spam = (i * 37) % 100 / 100;
    const toxicity = (i * 53) % 100 / 200;
    const decision = spam >= 0.95 ? 'reject' : spam >= 0.3 || toxicity >= 0.3 ? 'hold' : 'approve';
    const comment = await givenDecidedComment(testDb.db, { siteId: 'tuned', decision, spam, toxicity, body: `Recent comment ${i}` });
    // Moderators rejected the spammiest as spam, and approved the cleanest.
    if (spam >= 0.6 || spam < 0.1) {
      await testDb.db
        .insertInto('moderation_labels')
        .values({ comment_id: comment.id, site_id: 'tuned', spam: spam >= 0.6, toxic: spam >= 0.6 ? null : false, labelled_by: '00000000-0000-4000-8000-00000000000a', labelled_at: new Date() })
        .execute();
      if (spam >= 0.6) rejectedByModerators.push(spam);
    }
  }
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await api?.sut.close();
  await testDb?.close();
});

const proposedText = () => page.locator('[data-decision] [data-side="proposed"]').allTextContents().then((texts) => texts.join(' '));
/** Moves a slider by keyboard, as a person would. */
async function nudge(id: string, key: 'ArrowLeft' | 'ArrowRight', times: number) {
  await page.locator(`#${id}`).focus();
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

it('moves a threshold, sees the preview change, saves, and sees the new version', async () => {
  await signInToDashboard(page, api.sut.url, 'owner@example.org');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.locator('.decision-chart').waitFor();
  expect(await page.locator('#settings-title').textContent()).toBe('Settings · version 1');
  expect(await page.locator('svg.histogram').count()).toBe(2);
  const before = await proposedText();
  expect(await page.locator('#changed-total').textContent()).toBe('0 decisions would change');

  const nowRejecting = rejectedByModerators.filter((spam) => spam >= 0.95).length;
  expect(await page.locator('.agreement li').first().textContent()).toBe(
    `Of the ${rejectedByModerators.length} comments moderators rejected, the proposed settings would reject ${nowRejecting} (now ${nowRejecting}).`,
  );

  // Spam "Reject from" down to 0.50.
  await nudge('spam-rejectAbove', 'ArrowLeft', 45);
  expect(await page.locator('#spam-rejectAbove').inputValue()).toBe('0.5');
  await page.waitForFunction((text) => [...document.querySelectorAll('[data-decision] [data-side="proposed"]')].map((e) => e.textContent).join(' ') !== text, before);
  expect(await proposedText()).not.toBe(before);
  expect(await page.locator('#changed-total').textContent()).toMatch(/^[1-9]\d* decisions? would change$/);
  // Each changed decision with its comment: who, where, the text, the scores and what flips it.
  const first = page.locator('.changed-item').first();
  expect(await first.locator('.flip').textContent()).toBe('hold → reject');
  expect(await first.locator('header').textContent()).toMatch(/^Ann on post-1/);
  expect(await first.locator('.excerpt').textContent()).toMatch(/^Recent comment \d+$/);
  expect(await first.locator('.scores-line').textContent()).toMatch(/^spam 0\.\d\d · toxicity 0\.\d\d$/);
  expect(await first.locator('.why li').first().textContent()).toMatch(/^spam 0\.\d\d ≥ new reject threshold 0\.5 \(was 0\.95\)$/);
  // Every comment moderators rejected scores 0.6 or more: all would now be rejected.
  expect(await page.locator('.agreement li').first().textContent()).toBe(
    `Of the ${rejectedByModerators.length} comments moderators rejected, the proposed settings would reject ${rejectedByModerators.length} (now ${nowRejecting}).`,
  );

  // Toxicity "Approve below" up to 0.20: some held comments would now be published.
  const changedBefore = await page.locator('#changed-total').textContent();
  await nudge('toxicity-approveBelow', 'ArrowRight', 11);
  await page.waitForFunction((text) => document.querySelector('#changed-total')?.textContent !== text, changedBefore);
  const kinds = await page.locator('.change-filters button').allTextContents();
  expect(kinds[0]).toMatch(/^All \(\d+\)$/);
  expect(kinds.slice(1).map((k) => k.replace(/ \(\d+\)$/, '')).sort()).toEqual(['hold → approve', 'hold → reject']);
  // Only one kind of change, when asked.
  const toApprove = page.locator('.change-filters button', { hasText: 'hold → approve' });
  await toApprove.click();
  expect(await toApprove.getAttribute('aria-pressed')).toBe('true');
  const count = Number((await toApprove.textContent())!.match(/\((\d+)\)/)![1]);
  expect(await page.locator('.changed-item').count()).toBe(count);
  expect(new Set(await page.locator('.changed-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-change-kind'))))).toEqual(new Set(['hold-approve']));
  expect(await page.locator('.changed-item .why li').first().textContent()).toMatch(/^toxicity 0\.\d\d < new hold threshold 0\.2 \(was 0\.09\)$/);
  await page.locator('.change-filters button', { hasText: 'All' }).click();

  if (process.env.MODERATO_SCREENSHOTS) {
    mkdirSync(path.join(__dirname, '../../docs'), { recursive: true });
    await page.screenshot({ path: path.join(__dirname, '../../docs/settings.png'), fullPage: true });
  }

  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForFunction(() => document.querySelector('#settings-title')?.textContent === 'Settings · version 2');
  await page.locator('#versions li').nth(1).waitFor();
  expect(await page.locator('#versions li').first().textContent()).toContain('owner@example.org');
  const saved = await testDb.db.selectFrom('sites').select(['settings', 'settings_version']).where('id', '=', 'tuned').executeTakeFirstOrThrow();
  expect(saved.settings_version).toBe(2);
  expect((saved.settings as { spam: { rejectAbove: number } }).spam.rejectAbove).toBe(0.5);
  expect((saved.settings as { toxicity: { approveBelow: number } }).toxicity.approveBelow).toBe(0.2);
  expect(await page.locator('#changed-total').textContent()).toBe('0 decisions would change');
}, 60_000);
