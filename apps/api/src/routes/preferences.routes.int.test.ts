import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../../test/support/test-database';
import { bearer, givenStaff, STAFF_PASSWORD } from '../../../../test/support/staff';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../../../../test/support/api-under-test';

let testDb: TestDatabase;
let api: ApiUnderTest;
let token: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  token = (await givenStaff(testDb.db, 'polyglot@example.org', 'moderator')).token;
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() });
});
afterAll(async () => {
  await api.sut.close();
  await testDb.close();
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${api.sut.url}${path}`, { headers });
  return { status: response.status, json: (await response.json()) as any };
};
const put = async (body: unknown, headers: Record<string, string> = bearer(token)) => {
  const response = await fetch(`${api.sut.url}/api/v1/me/preferences`, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as any };
};

describe('PUT /api/v1/me/preferences', () => {
  it('keeps the language a user chose, and sign-in and the session carry it', async () => {
    expect((await get('/api/v1/me/preferences', bearer(token))).json).toEqual({ language: null });
    expect(await put({ language: 'ru' })).toEqual({ status: 200, json: { language: 'ru' } });
    expect((await get('/api/v1/me/preferences', bearer(token))).json).toEqual({ language: 'ru' });
    const signedIn = await postJson(`${api.sut.url}/api/v1/auth/login`, { email: 'polyglot@example.org', password: STAFF_PASSWORD });
    expect(signedIn.json.user).toMatchObject({ email: 'polyglot@example.org', language: 'ru' });
    const cookie = signedIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect((await get('/api/v1/auth/session', { cookie })).json.user.language).toBe('ru');

    // A session changes it with its CSRF token, like any other change; null follows the browser again.
    expect((await put({ language: 'en' }, { cookie })).status).toBe(403);
    expect(await put({ language: null }, { cookie, 'x-csrf-token': signedIn.json.csrfToken })).toEqual({ status: 200, json: { language: null } });
    expect((await get('/api/v1/auth/session', { cookie })).json.user.language).toBeNull();
  });

  it.each([
    { body: { language: 'xx' }, field: 'language', message: /language must be one of en, ru/ },
    { body: { language: 'RU' }, field: 'language', message: /lower-case language tag/ },
    { body: { language: 7 }, field: 'language', message: /language must be a language tag/ },
    { body: {}, field: 'language', message: /language is required/ },
    { body: { language: 'ru', theme: 'dark' }, field: 'theme', message: /unknown field theme/ },
  ])('refuses $body with a 400 naming $field', async ({ body, field, message }) => {
    const { status, json } = await put(body);
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ code: 'invalid_field', field, message: expect.stringMatching(message) });
  });

  it('answers 401 to a caller who is not signed in', async () => {
    expect((await put({ language: 'ru' }, {})).status).toBe(401);
    expect((await get('/api/v1/me/preferences')).status).toBe(401);
  });
});

describe('GET /admin/i18n/languages.json', () => {
  it('lists the languages the dashboard speaks, each named in itself', async () => {
    expect((await get('/admin/i18n/languages.json')).json).toEqual({ languages: [{ code: 'en', name: 'English' }, { code: 'ru', name: 'Русский' }] });
  });
});
