import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { givenSite } from '../support/fixtures';
import { startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { eventually } from '../support/eventually';
import { startWorkerUnderTest } from '../support/worker-under-test';
import type { RunningWorker } from '../../apps/worker/src/worker';
import { createTestClock } from '../support/test-clock';
import { MIN_FILL_TIME_MS } from '../../apps/api/src/guard/bot-trap';
import { launchChromium, serveHostPage, type HostPage, type HostPageOptions } from './browser-support';

// The embed speaks the host page's language: a Russian blog gets a Russian
// form, messages and dates, through the real API and worker, in Chromium.
let testDb: TestDatabase;
let api: ApiUnderTest;
let worker: RunningWorker;
let browser: Browser;
const hosts: HostPage[] = [];
const clock = createTestClock();

// Two posts a minute from one address, and a repeated comment refused: the third post is limited.
const LIMITS = { MODERATO_RATE_LIMIT: 'on', MODERATO_RATE_LIMIT_IP: '2', MODERATO_DUPLICATE_WINDOW_SECONDS: '600' };
const RUSSIAN_COMMENT = 'Спасибо за статью! Я держу тесто ночь в холодильнике, и хлеб получается заметно вкуснее.';

beforeAll(async () => {
  testDb = await createTestDatabase();
  const env = { databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() };
  api = await startApiUnderTest(env, LIMITS, { clock: clock.now });
  worker = (await startWorkerUnderTest(env)).sut;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const host of hosts) await host.close();
  await worker?.close();
  await api?.sut.close();
  await testDb?.close();
});

/** A host page for the `blog-ru` site's article, with the page's language and the snippet's data-lang as given. */
async function hostPage(options: Partial<HostPageOptions>): Promise<HostPage> {
  const host = await serveHostPage({ apiUrl: api.sut.url, site: 'blog-ru', article: 'sourdough', ...options });
  hosts.push(host);
  return host;
}

async function openArticle(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 820, height: 900 } });
  page.setDefaultTimeout(10_000);
  await page.goto(url);
  await page.locator('.moderato-comments[data-state="ready"]').waitFor();
  return page;
}

const formLanguage = (page: Page) => page.locator('.moderato-comments').getAttribute('lang');
const submitLabel = (page: Page) => page.locator('.moderato-comments button[type=submit]').textContent();

let russianPage: HostPage;

beforeAll(async () => {
  russianPage = await hostPage({
    lang: 'ru',
    heading: 'Почему закваске нужно время',
    text: 'Хлеб на закваске — это прежде всего терпение. Ночь в холодильнике делает вкус глубже, а мякиш — пористее.',
    footer: 'Кухонные заметки',
  });
  await givenSite(testDb.db, 'blog-ru', { premoderate: true, allowedOrigins: [russianPage.origin] });
  await testDb.db
    .insertInto('comments')
    .values({
      id: randomUUID(), site_id: 'blog-ru', article_id: 'sourdough', parent_id: null, author_name: 'Мария', email_encrypted: 'v1.x.y.z', email_hash: 'h',
      ip_hash: null, body: 'Пеку так уже год. Главное — не торопиться со складыванием.', status: 'approved', spam_score: 0, toxicity_score: 0,
      reasons: '[]', model_version: 'test', thresholds: '{}', created_at: new Date('2026-11-28T10:00:00Z'), decided_at: new Date(),
    })
    .execute();
});

it('shows the form in Russian on a page in Russian, posts, and says the comment awaits moderation', async () => {
  const page = await openArticle(russianPage.url);
  expect(await formLanguage(page)).toBe('ru');
  for (const label of ['Имя *', 'E-mail *', 'Комментарий *']) await expect(page.locator('label', { hasText: label }).count()).resolves.toBe(1);
  await expect(page.getByText('Ваш e-mail не будет опубликован').isVisible()).resolves.toBe(true);
  await expect(page.getByText('Обязательные поля отмечены *').isVisible()).resolves.toBe(true);
  await expect(page.getByRole('heading', { name: 'Комментарии (1)' }).isVisible()).resolves.toBe(true);
  await expect(page.getByRole('heading', { name: 'Оставить комментарий' }).isVisible()).resolves.toBe(true);
  // Dates as a Russian reader writes them.
  await expect(page.locator('time').textContent()).resolves.toBe('28 ноября 2026 г.');
  await expect(page.getByRole('button', { name: 'Ответить пользователю Мария' }).isVisible()).resolves.toBe(true);

  // Checked on the page, in Russian, with the count's plural form.
  await page.getByRole('button', { name: 'Отправить' }).click();
  await expect(page.getByText('Введите имя.').isVisible()).resolves.toBe(true);
  await expect(page.getByText('Введите адрес электронной почты.').isVisible()).resolves.toBe(true);
  await expect(page.getByText('Напишите комментарий.').isVisible()).resolves.toBe(true);
  await expect(page.locator('.status').textContent()).resolves.toBe('Исправьте 3 отмеченных поля.');

  clock.advance(MIN_FILL_TIME_MS + 100);
  await page.getByLabel('Имя').fill('Алексей');
  await page.getByLabel('E-mail').fill('aleksei.reader@example.org');
  await page.getByRole('textbox', { name: 'Комментарий', exact: true }).fill(RUSSIAN_COMMENT);
  const posted = page.waitForResponse((response) => response.request().method() === 'POST');
  await page.getByRole('button', { name: 'Отправить' }).click();
  const response = await posted;
  expect(response.status()).toBe(202);
  await page.getByText('Комментарий ожидает проверки модератором.').waitFor();
  // The worker scored it and, on this premoderated site, held it for a moderator.
  const { id } = (await response.json()) as { id: string };
  const status = await eventually(async () => (await testDb.db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirst())?.status, 10_000, 'the decision');
  expect(status).toBe('held');
  // MODERATO_SCREENSHOTS=1 npm test refreshes the screenshot in docs/.
  if (process.env.MODERATO_SCREENSHOTS) {
    mkdirSync(path.join(__dirname, '../../docs'), { recursive: true });
    await page.screenshot({ path: path.join(__dirname, '../../docs/embed-ru.png'), fullPage: true });
  }

  // The server's refusals, by their codes, in Russian too: the same comment again, then one post too many.
  await page.getByRole('textbox', { name: 'Комментарий', exact: true }).fill(RUSSIAN_COMMENT);
  await page.getByRole('button', { name: 'Отправить' }).click();
  await page.getByText('Вы уже отправили этот комментарий.').waitFor();
  await page.getByRole('textbox', { name: 'Комментарий', exact: true }).fill('Ещё один комментарий, уже лишний.');
  const limited = page.waitForResponse((r) => r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Отправить' }).click();
  const seconds = Number((await limited).headers()['retry-after']);
  const unit = { one: 'секунду', few: 'секунды', many: 'секунд', other: 'секунды' }[new Intl.PluralRules('ru').select(seconds) as 'one'];
  await page.getByText(`Вы отправляете комментарии слишком часто. Подождите ${seconds} ${unit} и попробуйте снова.`).waitFor();
  await page.close();
});

it('follows data-lang over the page: English on a Russian page, asking for no catalogue', async () => {
  const host = await hostPage({ lang: 'ru', dataLang: 'en' });
  const page = await browser.newPage();
  const catalogues: string[] = [];
  page.on('request', (request) => void (request.url().includes('/embed/i18n/') && catalogues.push(request.url())));
  await page.goto(host.url);
  await page.locator('.moderato-comments[data-state="ready"]').waitFor();
  expect(await formLanguage(page)).toBe('en');
  for (const label of ['Name *', 'Email *', 'Comment *']) await expect(page.locator('label', { hasText: label }).count()).resolves.toBe(1);
  await expect(page.getByText('Your e-mail will not be published').isVisible()).resolves.toBe(true);
  await expect(page.locator('time').textContent()).resolves.toBe('November 28, 2026');
  expect(catalogues).toEqual([]);
  await page.close();
});

it('speaks English, dates included, when the reader’s catalogue cannot be fetched', async () => {
  const page = await browser.newPage();
  await page.route('**/embed/i18n/**', (route) => route.abort());
  await page.goto(russianPage.url);
  await page.locator('.moderato-comments[data-state="ready"]').waitFor();
  expect(await formLanguage(page)).toBe('en');
  expect(await submitLabel(page)).toBe('Post comment');
  await expect(page.locator('time').first().textContent()).resolves.toBe('November 28, 2026');
  await page.close();
});

// The page's <html lang> and the snippet's data-lang, and what the form speaks.
const CHOICES: Array<{ lang: string; dataLang?: string; speaks: string; submit: string }> = [
  { lang: 'ru-RU', speaks: 'ru-RU', submit: 'Отправить' },
  { lang: 'RU', speaks: 'ru', submit: 'Отправить' },
  { lang: 'en', dataLang: 'ru', speaks: 'ru', submit: 'Отправить' },
  { lang: 'en-GB', speaks: 'en-GB', submit: 'Post comment' },
  { lang: 'de', speaks: 'en', submit: 'Post comment' },
  { lang: '', speaks: 'en', submit: 'Post comment' },
  // A stated language without a catalogue gets English, whatever the page says.
  { lang: 'ru', dataLang: 'de', speaks: 'en', submit: 'Post comment' },
];

const CASES = CHOICES.map((choice) => ({ ...choice, snippet: `<html lang="${choice.lang}">${choice.dataLang ? ` and data-lang="${choice.dataLang}"` : ''}` }));

it.each(CASES)('with $snippet the form speaks $speaks', async ({ lang, dataLang, speaks, submit }) => {
  const host = await hostPage({ lang, dataLang });
  const page = await openArticle(host.url);
  expect(await formLanguage(page)).toBe(speaks);
  expect(await submitLabel(page)).toBe(submit);
  await page.close();
});
