import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { givenSite } from '../support/fixtures';
import { startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { givenDecidedComment } from '../support/comment-factory';
import { eventually } from '../support/eventually';
import { givenStaff, STAFF_PASSWORD } from '../support/staff';
import { launchChromium } from '../browser/browser-support';

// A moderator switches the dashboard to Russian; the choice is saved with
// their account, so it survives a reload and follows them to another browser.
let testDb: TestDatabase;
let api: ApiUnderTest;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog', { premoderate: true });
  await givenStaff(testDb.db, 'olga@example.org', 'moderator', ['blog']);
  await givenStaff(testDb.db, 'ivan@example.org', 'moderator', ['blog']);
  for (const body of ['Thanks for the write-up.', 'Buy cheap watches here', 'Could you share the sources?']) {
    await givenDecidedComment(testDb.db, { siteId: 'blog', decision: 'hold', body });
  }
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await api?.sut.close();
  await testDb?.close();
});

/** A browser of its own (cookies, language) with the dashboard open. */
async function openDashboard(locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1100, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${api.sut.url}/admin/`);
  return page;
}

async function signIn(page: Page, email: string, labels: { email: string; password: string; submit: string }) {
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: labels.submit }).click();
  await openQueue(page);
}

/** The dashboard opens on the overview; the queue is one click away, whatever the language. */
async function openQueue(page: Page) {
  await page.locator('#show-queue').click();
  await page.locator('.card').first().waitFor();
}

const ENGLISH = { email: 'Email', password: 'Password', submit: 'Sign in' };
const languageOf = async (email: string) => (await testDb.db.selectFrom('users').select('language').where('email', '=', email).executeTakeFirstOrThrow()).language;

it('switches to Russian from the header, keeps it across a reload, and follows the user to another browser', async () => {
  const page = await openDashboard('en-US');
  await signIn(page, 'olga@example.org', ENGLISH);
  expect(await page.getByRole('tab', { name: 'Held (3)' }).count()).toBe(1);

  await page.getByRole('combobox', { name: /^Language/ }).selectOption('ru');
  await page.getByRole('tab', { name: 'На проверке (3)' }).waitFor();
  for (const name of ['Очередь', 'Настройки', 'Контроль качества', 'Выйти']) expect(await page.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
  expect(await page.locator('.card').first().getByRole('button', { name: 'Одобрить' }).isVisible()).toBe(true);
  expect(await page.locator('#who').textContent()).toBe('olga@example.org (модератор)');
  expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['ru', 'Moderato · Очередь модерации']);
  // Comment bodies stay as written.
  expect(await page.getByText('Buy cheap watches here').isVisible()).toBe(true);
  await eventually(async () => ((await languageOf('olga@example.org')) === 'ru' ? true : undefined), 5_000, 'the saved language');

  await page.reload();
  await openQueue(page);
  await page.getByRole('tab', { name: 'На проверке (3)' }).waitFor();
  expect(await page.getByRole('combobox', { name: /^Язык/ }).inputValue()).toBe('ru');
  // A toast in Russian, with the plural form of its count.
  await page.locator('.card').first().getByRole('button', { name: 'Одобрить' }).click();
  expect(await page.locator('#toast-text').textContent()).toBe('Одобрен 1 комментарий.');
  await page.getByRole('button', { name: 'Отменить' }).click();
  // MODERATO_SCREENSHOTS=1 npm test refreshes the screenshot in docs/.
  if (process.env.MODERATO_SCREENSHOTS) {
    mkdirSync(path.join(__dirname, '../../docs'), { recursive: true });
    await page.screenshot({ path: path.join(__dirname, '../../docs/dashboard-ru.png'), fullPage: true });
  }
  await page.getByRole('button', { name: 'Выйти' }).click();

  // Another browser, set to English: the sign-in page is English, the dashboard is hers, in Russian.
  const elsewhere = await openDashboard('en-GB');
  await signIn(elsewhere, 'olga@example.org', ENGLISH);
  await elsewhere.getByRole('tab', { name: 'На проверке (3)' }).waitFor();

  // Back to English from the same switch.
  await elsewhere.getByRole('combobox', { name: /^Язык/ }).selectOption('en');
  await elsewhere.getByRole('tab', { name: 'Held (3)' }).waitFor();
  await eventually(async () => ((await languageOf('olga@example.org')) === 'en' ? true : undefined), 5_000, 'the saved language');
});

it('follows the browser for a user who has not chosen: a Russian browser gets Russian from the sign-in page on', async () => {
  const page = await openDashboard('ru-RU');
  await page.getByRole('button', { name: 'Войти' }).waitFor();
  await signIn(page, 'ivan@example.org', { email: 'E-mail', password: 'Пароль', submit: 'Войти' });
  expect(await page.getByRole('tab', { name: 'На проверке (3)' }).count()).toBe(1);
  expect(await page.getByRole('combobox', { name: /^Язык/ }).inputValue()).toBe('ru');
  expect(await languageOf('ivan@example.org')).toBeNull();
  // The overview speaks it too, plurals and all.
  await page.getByRole('button', { name: 'Обзор', exact: true }).click();
  await page.getByRole('heading', { name: 'Обзор' }).waitFor();
  expect(await page.locator('.range-switch button').allTextContents()).toEqual(['7 дней', '30 дней', '90 дней']);
  expect(await page.getByRole('figure', { name: 'Комментарии по языкам' }).count()).toBe(1);
});
