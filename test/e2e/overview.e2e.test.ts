import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { rangeDays, rangeWeeks, utcDay, type Decision, type ModerationAction } from '@moderato/core';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { givenSite } from '../support/fixtures';
import { startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { givenStaff, STAFF_PASSWORD } from '../support/staff';
import { givenSiteHistory, type PastComment } from '../support/overview-history';
import { launchChromium } from '../browser/browser-support';
import { signInToDashboard } from '../support/dashboard';

// An owner signs in and lands on the overview of a site with three months of
// history: comments every few days in five languages, holds resolved by
// moderators, automatic decisions overturned; the charts draw one bar per
// day, week, reason and language, and the range switch redraws them.
let testDb: TestDatabase;
let api: ApiUnderTest;
let browser: Browser;
let page: Page;

const SITE = 'news';
const DAY_MS = 86_400_000;
const NOW = new Date();
const LANGUAGES = ['en', 'en', 'en', 'de', 'fr', 'es', 'und'];
const REASONS = [['links'], ['spam-model', 'threshold'], [], ['new-commenter'], ['toxicity-model', 'threshold'], ['links', 'spam-model'], ['profanity'], []];

/** A deterministic history: 3 to 13 comments on most days of the last 85, a few decided by moderators since. */
function history(): PastComment[] {
  const comments: PastComment[] = [];
  for (let day = 0; day < 85; day++) {
    if (day % 9 === 4) continue; // quiet days draw no column
    const perDay = 3 + ((day * 7) % 11);
    for (let n = 0; n < perDay; n++) {
      const i = comments.length;
      // Today, one in three is held and waits for a moderator.
      const decision: Decision = (day === 0 && n % 3 === 1) || i % 5 === 0 ? 'hold' : i % 9 === 0 ? 'reject' : 'approve';
      const daysAgo = day + (n + 0.5) / (perDay + 1) / 2;
      let actions: Array<{ action: ModerationAction; daysAgo: number }> = [];
      // Before today: every hold resolved, some rejections approved and some approvals rejected.
      if (day > 0 && decision === 'hold') actions = [{ action: i % 3 === 0 ? 'reject' : 'approve', daysAgo: daysAgo - 0.2 }];
      if (day > 0 && decision === 'reject' && i % 4 === 0) actions = [{ action: 'approve', daysAgo: daysAgo - 0.1 }];
      if (day > 0 && decision === 'approve' && i % 15 === 7) actions = [{ action: i % 2 ? 'spam' : 'reject', daysAgo: daysAgo - 0.3 }];
      comments.push({ daysAgo, decision, language: LANGUAGES[i % LANGUAGES.length]!, reasons: REASONS[i % REASONS.length]!, actions });
    }
  }
  return comments;
}
const COMMENTS = history();

/** Where a comment stands now, by the overview's outcomes. */
function outcomeOf(comment: PastComment): 'autoApproved' | 'moderatorApproved' | 'held' | 'rejected' {
  const last = comment.actions?.at(-1)?.action;
  if (last) return last === 'approve' ? 'moderatorApproved' : 'rejected';
  return comment.decision === 'approve' ? 'autoApproved' : comment.decision === 'hold' ? 'held' : 'rejected';
}

/** What the charts should hold for a range, worked out from the history as a person would count. */
function expected(days: number) {
  const inRange = new Set(rangeDays(NOW, days));
  const comments = COMMENTS.filter((c) => inRange.has(utcDay(new Date(NOW.getTime() - c.daysAgo * DAY_MS))));
  const segments = new Set(comments.map((c) => `${utcDay(new Date(NOW.getTime() - c.daysAgo * DAY_MS))} ${outcomeOf(c)}`));
  const activeDays = new Set(comments.map((c) => utcDay(new Date(NOW.getTime() - c.daysAgo * DAY_MS))));
  return {
    columns: days,
    segments: segments.size,
    points: activeDays.size,
    weeks: rangeWeeks(NOW, days).length,
    reasons: Math.min(10, new Set(comments.flatMap((c) => c.reasons ?? [])).size),
    languages: new Set(comments.map((c) => c.language)).size,
  };
}

async function drawn() {
  return {
    columns: await page.locator('#overview-outcomes svg .column').count(),
    segments: await page.locator('#overview-outcomes svg rect.chart-bar').count(),
    points: await page.locator('#overview-share svg circle').count(),
    weeks: await page.locator('#overview-overrides svg .column').count(),
    reasons: await page.locator('#overview-reasons svg .hbar').count(),
    languages: await page.locator('#overview-languages svg .hbar').count(),
  };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, SITE);
  const moderator = await givenStaff(testDb.db, 'moderator@overview.example', 'moderator', [SITE]);
  await givenStaff(testDb.db, 'owner@overview.example', 'owner', [SITE]);
  await givenSiteHistory(testDb.db, { siteId: SITE, moderatorId: moderator.user.id, now: NOW, comments: COMMENTS });
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await api?.sut.close();
  await testDb?.close();
});

const pressed = () => page.locator('.range-switch [aria-pressed="true"]').textContent();

it('opens on the overview after sign-in, with a bar per day and outcome, a point per day with comments, and the queue now', async () => {
  await signInToDashboard(page, api.sut.url, 'owner@overview.example');
  await page.locator('#overview-outcomes').waitFor();

  expect(await page.getByRole('button', { name: 'Overview', exact: true }).getAttribute('aria-current')).toBe('page');
  expect(await pressed()).toBe('30 days');
  expect(await drawn()).toEqual(expected(30));
  // Today's holds are still waiting: the oldest arrived a few hours ago.
  const held = COMMENTS.filter((c) => outcomeOf(c) === 'held').length;
  expect(await page.locator('#overview-held .value').textContent()).toBe(String(held));
  expect(await page.locator('#overview-oldest .value').textContent()).toMatch(/^\d+ (h \d+ min|min)$/);
  expect(await page.locator('#overview-auto-share .value').textContent()).toMatch(/^\d+%$/);

  if (process.env.MODERATO_SCREENSHOTS) {
    mkdirSync(path.join(__dirname, '../../docs'), { recursive: true });
    await page.screenshot({ path: path.join(__dirname, '../../docs/overview.png'), fullPage: true });
  }
}, 30_000);

it('gives every chart a title, a summary for screen readers and its numbers as a table', async () => {
  const figures = page.locator('#overview figure');
  expect(await figures.count()).toBe(5);
  for (const figure of await figures.all()) {
    const title = await figure.locator('figcaption').textContent();
    expect(title).toBeTruthy();
    expect(await page.getByRole('figure', { name: title! }).count()).toBe(1);
    const svg = figure.locator('svg[role="img"]');
    expect(await svg.getAttribute('aria-label')).toMatch(/\w+.*\.$/);
    expect(await figure.locator('details table tbody tr').count()).toBeGreaterThan(0);
  }
  await page.locator('#overview-outcomes summary').click();
  expect(await page.locator('#overview-outcomes details table tbody tr').count()).toBe(30);
}, 30_000);

it('redraws for 7 and 90 days', async () => {
  await page.getByRole('button', { name: '7 days' }).click();
  await page.locator('#overview-range').filter({ hasText: rangeDays(NOW, 7)[0]! }).waitFor();
  expect(await pressed()).toBe('7 days');
  expect(await drawn()).toEqual(expected(7));
  // The keyboard stays on the switch as it is drawn anew.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('7 days');

  await page.getByRole('button', { name: '90 days' }).click();
  await page.locator('#overview-range').filter({ hasText: rangeDays(NOW, 90)[0]! }).waitFor();
  expect(await drawn()).toEqual(expected(90));
}, 30_000);

it('shows a moderator the same overview first, and the queue one click away', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Email').fill('moderator@overview.example');
  await page.getByLabel('Password').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#overview-outcomes').waitFor();
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await page.locator('.card').first().waitFor();
  expect(await page.locator('#overview').isHidden()).toBe(true);
}, 30_000);
