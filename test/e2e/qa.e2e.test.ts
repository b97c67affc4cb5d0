import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { givenSite } from '../support/fixtures';
import { givenDecidedComment } from '../support/comment-factory';
import { startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { givenStaff } from '../support/staff';
import { launchChromium } from '../browser/browser-support';
import { signInToDashboard } from '../support/dashboard';

// A moderator checks the week's random sample of auto-approved comments in
// Chromium: confirms one, marks one spam and one toxic, and sees the estimate
// of bad comments among auto-approved ones move.
let testDb: TestDatabase;
let api: ApiUnderTest;
let browser: Browser;
let page: Page;
let moderatorId: string;

const SITE = 'checked';
const HOSTILE = 'Great read <img src=x onerror="window.__pwned = 1"> really';
const pending: Record<'clean' | 'spam' | 'hostile', string> = { clean: '', spam: '', hostile: '' };

/** An auto-approved comment drawn for QA `weeksAgo`, checked with `verdict` unless it is null. */
async function givenSample(options: { weeksAgo: number; verdict: 'ok' | 'spam' | 'toxic' | null; body?: string }): Promise<string> {
  const comment = await givenDecidedComment(testDb.db, { siteId: SITE, decision: 'approve', spam: 0.12, toxicity: 0.03, body: options.body ?? 'An approved comment' });
  const at = sql<Date>`now() - make_interval(weeks => ${options.weeksAgo})`;
  await testDb.db
    .insertInto('qa_samples')
    .values({
      comment_id: comment.id,
      site_id: SITE,
      sampled_at: at,
      verdict: options.verdict,
      reviewed_by: options.verdict ? moderatorId : null,
      reviewed_at: options.verdict ? at : null,
    })
    .execute();
  await sql`update comments set decided_at = ${at} where id = ${comment.id}`.execute(testDb.db);
  return comment.id;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, SITE);
  moderatorId = (await givenStaff(testDb.db, 'moderator@qa.example', 'moderator', [SITE])).user.id;
  // Three earlier weeks checked: 1 bad of 20, none of 25, 2 of 30.
  for (const [weeksAgo, reviewed, bad] of [[3, 20, 1], [2, 25, 0], [1, 30, 2]] as const) {
    for (let i = 0; i < reviewed; i++) await givenSample({ weeksAgo, verdict: i < bad ? (i % 2 ? 'toxic' : 'spam') : 'ok' });
  }
  pending.clean = await givenSample({ weeksAgo: 0, verdict: null, body: 'Thanks, this cleared up the trade-offs for me.' });
  pending.spam = await givenSample({ weeksAgo: 0, verdict: null, body: 'Cheap watches at example dot com, best prices' });
  pending.hostile = await givenSample({ weeksAgo: 0, verdict: null, body: HOSTILE });
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await api?.sut.close();
  await testDb?.close();
});

const sampleOf = (id: string) => testDb.db.selectFrom('qa_samples').select(['verdict', 'reviewed_by']).where('comment_id', '=', id).executeTakeFirstOrThrow();
const statusOf = async (id: string) => (await testDb.db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const card = (id: string) => page.locator(`[data-sample="${id}"]`);

it('shows the pending samples, comment text as text, and the estimate with its 95 % interval', async () => {
  await signInToDashboard(page, api.sut.url, 'moderator@qa.example');
  await page.getByRole('button', { name: 'QA' }).click();
  await page.locator('.qa-samples').waitFor();

  expect(await page.locator('.qa-samples > li').count()).toBe(3);
  expect(await card(pending.hostile).locator('.body').textContent()).toBe(HOSTILE);
  expect(await page.locator('#qa img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // 3 bad of 75 checked: 4 %, Wilson's 95 % interval 1.4 % to 11.1 %.
  expect(await page.locator('#qa-overall').textContent()).toBe(
    'Of 75 checked, 3 should not have been approved: 4.0% of auto-approved comments are bad (95 % interval 1.4% – 11.1%).',
  );
  const weeks = await page.locator('.qa-weeks tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
  expect(weeks).toHaveLength(4);
  expect(weeks[0]).toEqual(['20', '20', '1', '5.0%', expect.stringMatching(/^\d+\.\d% – \d+\.\d%$/)]);
  expect(weeks[1]!.slice(0, 4)).toEqual(['25', '25', '0', '0.0%']);
  expect(weeks[3]).toEqual(['3', '0', '0', '—', '—']);
  expect(await page.locator('#qa svg.chart circle').count()).toBe(3);

  if (process.env.MODERATO_SCREENSHOTS) {
    mkdirSync(path.join(__dirname, '../../docs'), { recursive: true });
    await page.screenshot({ path: path.join(__dirname, '../../docs/qa.png'), fullPage: true });
  }
}, 30_000);

it('confirms an approval, and the comment stays published', async () => {
  await card(pending.clean).getByRole('button', { name: 'Confirm' }).click();
  await page.locator('#qa-status').filter({ hasText: 'Confirmed' }).waitFor();
  expect(await sampleOf(pending.clean)).toEqual({ verdict: 'ok', reviewed_by: moderatorId });
  expect(await statusOf(pending.clean)).toBe('approved');
  expect(await card(pending.clean).count()).toBe(0);
}, 30_000);

it('marks one spam and one toxic: both come down, and the estimate counts them', async () => {
  await card(pending.spam).getByRole('button', { name: 'Mark spam' }).click();
  await page.locator('#qa-status').filter({ hasText: 'Marked as spam' }).waitFor();
  await card(pending.hostile).getByRole('button', { name: 'Mark toxic' }).click();
  await page.locator('#qa-status').filter({ hasText: 'Marked as toxic' }).waitFor();

  expect(await sampleOf(pending.spam)).toEqual({ verdict: 'spam', reviewed_by: moderatorId });
  expect(await sampleOf(pending.hostile)).toEqual({ verdict: 'toxic', reviewed_by: moderatorId });
  expect(await statusOf(pending.spam)).toBe('rejected');
  expect(await statusOf(pending.hostile)).toBe('rejected');
  expect(await page.getByText('Nothing to check. Well done.').count()).toBe(1);
  expect(await page.locator('#qa-overall').textContent()).toMatch(/^Of 78 checked, 5 should not have been approved: 6\.4% /);
}, 30_000);

it('lists the checked samples with their verdicts, still as text', async () => {
  await page.getByRole('button', { name: 'Reviewed' }).click();
  await card(pending.hostile).waitFor();
  expect(await card(pending.hostile).locator('.body').textContent()).toBe(HOSTILE);
  expect(await card(pending.hostile).locator('.verdict').textContent()).toMatch(/^Checked: toxic by moderator@qa\.example · /);
  expect(await card(pending.hostile).getByRole('button').count()).toBe(0);
  expect(await page.locator('#qa img').count()).toBe(0);
}, 30_000);
