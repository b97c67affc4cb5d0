import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { findSite } from '@moderato/db';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../../test/support/test-database';
import { CLEAN_COMMENT, givenSite } from '../../../../test/support/fixtures';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../../../../test/support/api-under-test';
import { buildEmbedScript } from '../embed-asset';

let testDb: TestDatabase;
let api: ApiUnderTest;

beforeAll(async () => {
  testDb = await createTestDatabase();
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() });
});

afterAll(async () => {
  await api.sut.close();
  await testDb.close();
});

// fetch() would decompress and hide Content-Encoding; a raw request shows the wire.
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${api.sut.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('GET /embed.js', () => {
  it('serves the script gzipped, cacheable, with an ETag, loadable from other origins', async () => {
    const response = await rawGet('/embed.js', { 'accept-encoding': 'gzip, br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['cache-control']).toMatch(/public, max-age=\d+/);
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.headers.vary).toMatch(/Accept-Encoding/);
    const served = gunzipSync(response.body).toString('utf8');
    expect(served).toBe(buildEmbedScript().toString('utf8'));
    // English and the list of languages are in the script; the others are not, so it does not grow with them.
    expect(served).toContain('"languages":["en","ru"]');
    expect(served).toContain('Your e-mail will not be published');
    expect(served).not.toContain('Ваш e-mail не будет опубликован');
    expect(response.body.length).toBeLessThanOrEqual(12 * 1024);

    const revalidated = await rawGet('/embed.js', { 'accept-encoding': 'gzip', 'if-none-match': String(response.headers.etag) });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
  });

  it('serves it plain, with its own ETag, to a client without gzip', async () => {
    const plain = await rawGet('/embed.js', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toContain('// @ts-check');
    const gzipped = await rawGet('/embed.js', { 'accept-encoding': 'gzip' });
    expect(plain.headers.etag).not.toBe(gzipped.headers.etag);
    expect((await rawGet('/embed.js', { 'if-none-match': String(plain.headers.etag) })).status).toBe(304);
  });
});

describe('GET /embed/i18n/{language}.json', () => {
  it('serves a catalogue to any page, gzipped and cacheable', async () => {
    const response = await rawGet('/embed/i18n/ru.json', { 'accept-encoding': 'gzip', origin: 'https://blog.example.org' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.headers['cache-control']).toMatch(/public, max-age=\d+/);
    const catalogue = JSON.parse(gunzipSync(response.body).toString('utf8'));
    expect(catalogue).toMatchObject({ name: 'Имя', body: 'Комментарий', emailPrivate: 'Ваш e-mail не будет опубликован' });
    expect((await rawGet('/embed/i18n/ru.json', { 'if-none-match': String((await rawGet('/embed/i18n/ru.json', {})).headers.etag) })).status).toBe(304);
  });

  it('answers 404 for a language it has no catalogue for', async () => {
    const response = await fetch(`${api.sut.url}/embed/i18n/xx.json`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('GET /demo', () => {
  it('serves the article page carrying the snippet, under a strict CSP, and creates the demo site', async () => {
    const response = await fetch(`${api.sut.url}/demo`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toMatch(/<script src="\/embed\.js" data-site="demo" data-article="[\w-]+"[^>]* async><\/script>/);
    expect((await findSite(testDb.db, 'demo'))?.settings.linkStyle).toBe('nofollow');
    expect((await fetch(`${api.sut.url}/demo`)).status).toBe(200);
  });
});

// A site is usable the moment it is created, not after the API's next reload of every site.
describe('a site created a moment ago', () => {
  const comment = { name: 'Ann', email: 'ann@example.org', body: CLEAN_COMMENT };

  it('accepts a comment and serves the embed form', async () => {
    // Another unknown site first, so the API has just looked at Postgres when the new site appears.
    expect((await postJson(`${api.sut.url}/api/v1/sites/not-yet/articles/a-1/comments`, comment)).status).toBe(404);
    await givenSite(testDb.db, 'fresh');

    const posted = await postJson(`${api.sut.url}/api/v1/sites/fresh/articles/a-1/comments`, comment);
    expect({ status: posted.status, body: posted.json }).toMatchObject({ status: 202 });
    const form = await fetch(`${api.sut.url}/api/v1/sites/fresh/articles/a-2/form`);
    expect(form.status).toBe(200);
    expect(await form.json()).toMatchObject({ token: expect.any(String) });
  });

  it('still answers 404 for a site that does not exist', async () => {
    expect((await postJson(`${api.sut.url}/api/v1/sites/never-made/articles/a-1/comments`, comment)).status).toBe(404);
    expect((await fetch(`${api.sut.url}/api/v1/sites/never-made/articles/a-1/form`)).status).toBe(404);
  });
});
