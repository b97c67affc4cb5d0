import { randomUUID } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { z } from 'zod';
import { givenDecidedComment } from '../../../../test/support/comment-factory';
import { givenSite } from '../../../../test/support/fixtures';
import { mountedRoutes } from '../../../../test/support/mounted-routes';
import { bearer, givenStaff } from '../../../../test/support/staff';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../../../../test/support/api-under-test';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../../../../test/support/test-database';
import { version } from '../../package.json';
import { errorAnswerSchema } from './answer-schema';
import { buildApiDocument } from './api-document';
import type { ApiOperation } from './api-operation';
import { API_OPERATIONS } from './api-operations';

// The document against the running API: the same routes both ways, request
// schemas that refuse what the routes refuse, answers that fit the schemas.
let testDb: TestDatabase;
let api: ApiUnderTest;
let admin: Record<string, string>;
let heldCommentId: string;
let document: OpenApiDocument;

interface OpenApiDocument {
  paths: Record<string, Record<string, { operationId: string; requestBody?: { content: Record<string, { schema: object }> } }>>;
  components: Record<string, unknown>;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  // The schema's ceiling, so that only the schema limits a body's length here.
  await givenSite(testDb.db, 'blog', { maxBodyLength: 20_000 });
  heldCommentId = (await givenDecidedComment(testDb.db, { siteId: 'blog', decision: 'hold' })).id;
  await givenDecidedComment(testDb.db, { siteId: 'blog', decision: 'approve', articleId: 'post-1' });
  admin = bearer((await givenStaff(testDb.db, 'admin@openapi.example', 'admin')).token);
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() });
  document = (await (await fetch(`${api.sut.url}/api/v1/openapi.json`)).json()) as OpenApiDocument;
});

afterAll(async () => {
  await api.sut.close();
  await testDb.close();
});

const url = (path: string) => `${api.sut.url}${path}`;

describe('GET /api/v1/openapi.json', () => {
  it('serves the document built from the routes, public and cacheable, with a 304 for a copy still fresh', async () => {
    const response = await fetch(url('/api/v1/openapi.json'));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(buildApiDocument(API_OPERATIONS, version))));
    // As a browser revalidates; fetch itself would add `Cache-Control: no-cache` to a conditional request.
    const again = await fetch(url('/api/v1/openapi.json'), { headers: { 'if-none-match': response.headers.get('etag')!, 'cache-control': 'max-age=0' } });
    expect(again.status).toBe(304);
  });
});

describe('the document and the mounted routes', () => {
  const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
  const documented = () => Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => key(method, path.replace(/\{(\w+)\}/g, ':$1'))));
  // A CORS preflight is answered for the intake, not an operation of its own.
  const mounted = () => mountedRoutes(api.sut.app).filter((route) => route.method !== 'OPTIONS').map((route) => key(route.method, route.path));

  it('documents every route mounted under /api/v1', () => {
    const undocumented = mounted().filter((route) => route.includes(' /api/v1/') && !documented().includes(route));
    expect(undocumented).toEqual([]);
  });

  it('documents only routes that are mounted', () => {
    const notMounted = documented().filter((route) => !mounted().includes(route));
    expect(notMounted).toEqual([]);
    expect(documented().length).toBe(API_OPERATIONS.length);
  });
});

/** Validates with the document's own JSON Schema for an operation's request body, as a client's tooling would. */
function documentedBody(operationId: string): (body: unknown) => boolean {
  const operation = Object.values(document.paths)
    .flatMap((item) => Object.values(item))
    .find((candidate) => candidate.operationId === operationId);
  const schema = operation?.requestBody?.content['application/json']?.schema;
  if (!schema) throw new Error(`${operationId} documents no JSON body`);
  // `#/components/…` references resolve against the document's components, carried along.
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats(ajv);
  return ajv.compile({ ...schema, components: document.components });
}

/** Every body: does the document accept it, and does the route get past validation (anything but a 400)? */
async function compare(operationId: string, send: (body: unknown) => Promise<number>, bodies: Record<string, unknown>) {
  const accepts = documentedBody(operationId);
  const rows = [];
  for (const [name, body] of Object.entries(bodies)) {
    const status = await send(body);
    rows.push({ name, documentAccepts: accepts(body), routeAccepts: status !== 400 });
  }
  expect(rows.filter((row) => row.documentAccepts !== row.routeAccepts)).toEqual([]);
  // Not vacuous: some of each.
  expect(new Set(rows.map((row) => row.routeAccepts))).toEqual(new Set([true, false]));
}

describe('documented request schemas refuse what the routes refuse', () => {
  it('the comment post body', async () => {
    const valid = { name: 'Ann', email: 'ann@example.org', body: 'A fair point.' };
    await compare('postComment', async (body) => (await postJson(url('/api/v1/sites/blog/articles/a-1/comments'), body)).status, {
      valid,
      'a reply': { ...valid, parentId: randomUUID() },
      'parentId null': { ...valid, parentId: null },
      'a field more': { ...valid, subscribe: true },
      'the longest body': { ...valid, body: 'x'.repeat(20_000) },
      'no name': { email: valid.email, body: valid.body },
      'a name of spaces': { ...valid, name: '   ' },
      'a name of 101': { ...valid, name: 'n'.repeat(101) },
      'a number for a name': { ...valid, name: 42 },
      'not an email': { ...valid, email: 'ann.example.org' },
      'an email of 255': { ...valid, email: `${'a'.repeat(243)}@example.org` },
      'a body of 20,001': { ...valid, body: 'x'.repeat(20_001) },
      'an empty body': { ...valid, body: '' },
      'parentId not a UUID': { ...valid, parentId: 'c-1' },
      'an array': [valid],
    });
  });

  it('the bulk moderation body', async () => {
    const valid = { ids: [randomUUID()], action: 'approve' };
    // Ids that pass validation but name no comment: a valid body is a 404 and changes nothing.
    await compare('moderateComments', async (body) => (await postJson(url('/api/v1/comments/moderation'), body, admin)).status, {
      valid,
      'every field': { ...valid, action: 'spam', reason: 'ads', expectedStatus: 'held' },
      'no ids': { ...valid, ids: [] },
      '501 ids': { ...valid, ids: Array.from({ length: 501 }, () => randomUUID()) },
      'an id not a UUID': { ...valid, ids: ['c-1'] },
      'an unknown action': { ...valid, action: 'delete' },
      'no action': { ids: valid.ids },
      'a reason of 1,001': { ...valid, reason: 'r'.repeat(1001) },
      'expectedStatus pending': { ...valid, expectedStatus: 'pending' },
    });
  });

  it("an article's switches (no unknown keys, at least one switch)", async () => {
    const put = async (body: unknown) =>
      (await fetch(url('/api/v1/sites/blog/articles/a-2/settings'), { method: 'PUT', headers: { 'content-type': 'application/json', ...admin }, body: JSON.stringify(body) })).status;
    await compare('saveArticleSettings', put, {
      closed: { closed: true },
      both: { closed: false, premoderate: true },
      none: {},
      'a string for a boolean': { closed: 'yes' },
      'an unknown switch': { closed: true, hidden: true },
    });
  });
});

/** The zod schema an operation documents for a status. */
function answerOf(operationId: string, status: number): z.ZodType {
  const operation = API_OPERATIONS.find((candidate: ApiOperation) => candidate.id === operationId);
  const answer = operation?.responses[status];
  if (!answer) throw new Error(`${operationId} documents no ${status}`);
  return answer instanceof z.ZodType ? answer : answer.schema!;
}

describe('answers fit the documented schemas', () => {
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url(path), { headers });
    return { status: response.status, body: await response.json() };
  };

  it.each([
    ['listThread', '/api/v1/sites/blog/articles/post-1/comments'],
    ['getCommentForm', '/api/v1/sites/blog/articles/post-1/form'],
    ['getReadiness', '/readyz'],
  ])('%s (public)', async (operationId, path) => {
    const { status, body } = await get(path);
    expect(status).toBe(200);
    expect(answerOf(operationId, 200).safeParse(body).error?.issues ?? []).toEqual([]);
  });

  it.each([
    ['listSites', () => '/api/v1/sites'],
    ['listReviewQueue', () => '/api/v1/sites/blog/review'],
    ['countReviewQueue', () => '/api/v1/sites/blog/review/counts'],
    ['getCommentHistory', () => `/api/v1/comments/${heldCommentId}/history`],
    ['getSettings', () => '/api/v1/sites/blog/settings'],
    ['listSettingsVersions', () => '/api/v1/sites/blog/settings/versions'],
    ['listSiteModels', () => '/api/v1/sites/blog/models'],
    ['listQaSamples', () => '/api/v1/sites/blog/qa'],
    ['getSiteOverview', () => '/api/v1/sites/blog/overview?days=7'],
    ['getSession', () => '/api/v1/auth/session'],
  ])('%s (staff)', async (operationId, path) => {
    const { status, body } = await get(path(), admin);
    expect(status).toBe(200);
    expect(answerOf(operationId, 200).safeParse(body).error?.issues ?? []).toEqual([]);
  });

  it('postComment, then getCommentStatus', async () => {
    const posted = await postJson(url('/api/v1/sites/blog/articles/post-1/comments'), { name: 'Bo', email: 'bo@example.org', body: 'Agreed.' });
    expect(posted.status).toBe(202);
    expect(answerOf('postComment', 202).parse(posted.json)).toEqual(posted.json);

    const { status, body } = await get(posted.headers.get('location')!);
    expect(status).toBe(200);
    expect(answerOf('getCommentStatus', 200).safeParse(body).error?.issues ?? []).toEqual([]);
  });

  it('moderateComment, and an error answer', async () => {
    const moderated = await postJson(url(`/api/v1/comments/${heldCommentId}/moderation`), { action: 'approve', expectedStatus: 'held' }, admin);
    expect(moderated.status).toBe(200);
    expect(answerOf('moderateComment', 200).safeParse(moderated.json).error?.issues ?? []).toEqual([]);

    const stale = await postJson(url(`/api/v1/comments/${heldCommentId}/moderation`), { action: 'approve', expectedStatus: 'held' }, admin);
    expect(stale.status).toBe(409);
    expect(errorAnswerSchema.safeParse(stale.json).error?.issues ?? []).toEqual([]);
  });
});
