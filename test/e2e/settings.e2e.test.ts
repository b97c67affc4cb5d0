import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { givenSite } from '../support/fixtures';
import { givenDecidedComment } from '../support/comment-factory';
import { startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { givenStaff, STAFF_PASSWORD } from '../support/staff';
import { launchChromium } from '../browser/browser-support';

// An owner tunes thresholds in Chromium: move a slider, see the preview, save.
let testDb: TestDatabase;
let api: ApiUnderTest;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'tuned');
  await givenStaff(testDb.db, 'owner@example.org', 'owner', ['tuned']);
  // A spread of scores, as a real site's recent comments would have.
  for (let i = 0; i < 60; i++) {
    const spam = (i * 37) % 100 / 100;
    const toxicity = (i * 53) % 100 / 200;
    const decision = spam >= 0.95 ? 'reject' : spam >= 0.3 || toxicity >= 0.3 ? 'hold' : 'approve';
    await givenDecidedComment(testDb.db, { siteId: 'tuned', decision, spam, toxicity, body: `Recent comment ${i}` });
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

const proposedText = () => page.locator('[data-counts="proposed"]').textContent();

it('moves a threshold, sees the preview change, saves, and sees the new version', async () => {
  await page.goto(`${api.sut.url}/admin/`);
  await page.getByLabel('Email').fill('owner@example.org');
  await page.getByLabel('Password').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.locator('[data-counts="proposed"]').waitFor();
  expect(await page.locator('#settings-title').textContent()).toBe('Settings · version 1');
  expect(await page.locator('svg.histogram').count()).toBe(2);
  const before = await proposedText();
  expect(await page.locator('#changed-total').textContent()).toBe('0 decisions would change');

  // Spam "Reject from" down to 0.50, by keyboard as a person would.
  const slider = page.locator('#spam-rejectAbove');
  await slider.focus();
  for (let i = 0; i < 45; i++) await page.keyboard.press('ArrowLeft');
  expect(await slider.inputValue()).toBe('0.5');
  await page.waitForFunction((text) => document.querySelector('[data-counts="proposed"]')?.textContent !== text, before);
  expect(await proposedText()).not.toBe(before);
  expect(await page.locator('#changed-total').textContent()).toMatch(/^[1-9]\d* decisions? would change$/);
  expect(await page.locator('.changed li').first().textContent()).toMatch(/hold → reject/);

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
  expect(await page.locator('#changed-total').textContent()).toBe('0 decisions would change');
}, 60_000);
