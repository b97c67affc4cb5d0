import { randomUUID } from 'node:crypto';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';
import { givenSite } from '../support/fixtures';
import { bearer, givenStaff } from '../support/staff';
import { givenLabelledComments } from '../support/labelled-comments';
import { localSiteLabels } from '../support/local-site-labels';
import { postJson, startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { startWorkerUnderTest } from '../support/worker-under-test';
import { eventually } from '../support/eventually';
import type { RunningWorker } from '../../apps/worker/src/worker';

// Issue #14's acceptance, through the public intake and the models API: a
// site's moderators approve a local word the shipped model holds (Dildo,
// Newfoundland) and mark as spam local trade ads it approves; a model trained
// on 600 of their labels beats live on the held-out ones, decides new comments
// as they would once promoted, and rollback restores the old decisions. A
// second site, never trained, decides as before throughout.
const SITE = 'trinity-bay';
const OTHER = 'elsewhere';
const MINUTE = 60_000;

// New comments of both kinds, none of them among the labelled ones.
const TOWN_COMMENTS = [
  'The Dildo Days parade route was announced today, it goes right past the old church.',
  'Great to see the new playground in Dildo finally open for the kids this spring.',
  'Anyone know if the Dildo Arm slipway will be fixed before the caplin roll?',
];
const TRADE_SPAM = [
  'Gutter cleaning in Bay Roberts, call Wayne at 709-555-0142 for a free estimate',
  'Driveway sealing on the Avalon, text 709-555-0188 today and ask for Gord',
  'Snow clearing contracts in Carbonear, ring Terry at 709-555-0199, seniors discount',
];

let testDb: TestDatabase;
let api: ApiUnderTest;
let worker: { sut: RunningWorker };
let owner: Record<string, string>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, SITE);
  await givenSite(testDb.db, OTHER);
  const labels = localSiteLabels(600);
  await givenLabelledComments(
    testDb.db,
    SITE,
    labels.map((l, i) => ({ body: l.body, spam: l.spam, toxic: l.toxic, labelledAt: new Date(Date.now() - (labels.length - i) * MINUTE) })),
  );
  owner = bearer((await givenStaff(testDb.db, 'owner@trinity.example', 'owner', [SITE])).token);
  const env = { databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() };
  api = await startApiUnderTest(env);
  worker = await startWorkerUnderTest(env);
}, 60_000);

afterAll(async () => {
  await worker?.sut.close();
  await api?.sut.close();
  await testDb.close();
});

const models = async () => (await fetch(`${api.sut.url}/api/v1/sites/${SITE}/models`, { headers: owner }).then((r) => r.json())) as any;

/** Posts a comment as a new reader and waits for its decision and the model version it was made under. */
async function decide(siteId: string, body: string): Promise<{ status: string; model: string }> {
  const posted = await postJson(`${api.sut.url}/api/v1/sites/${siteId}/articles/local-news/comments`, { name: 'Reader', email: `${randomUUID()}@example.org`, body });
  expect(posted.status).toBe(202);
  return eventually(
    async () => {
      const row = await testDb.db.selectFrom('comments').select(['status', 'model_version']).where('id', '=', posted.json.id).executeTakeFirst();
      return row ? { status: row.status, model: row.model_version } : undefined;
    },
    10_000,
    'a decision',
  );
}

const statuses = async (siteId: string, bodies: readonly string[]) => {
  const decided = [];
  for (const body of bodies) decided.push(await decide(siteId, body));
  return decided;
};

/** Posts until the site's comments are decided under a model version matching `pattern` (the workers reload sites every 2 s). */
async function waitForModel(pattern: RegExp): Promise<void> {
  const startedAt = Date.now();
  while (!pattern.test((await decide(SITE, 'Thanks for the update on the council meeting.')).model)) {
    if (Date.now() - startedAt > 5_000) throw new Error(`no decision under ${pattern} within 5 s`);
  }
}

const shipped = /^linear-hash-v2\+[0-9a-f]{12}$/;

it('learns the site from its moderators, changes nothing elsewhere, and rolls back', async () => {
  // Before: the shipped model holds the town and lets the trade spam through, on both sites.
  for (const siteId of [SITE, OTHER]) {
    expect((await statuses(siteId, TOWN_COMMENTS)).map((d) => d.status)).toEqual(['held', 'held', 'held']);
    expect((await statuses(siteId, TRADE_SPAM)).map((d) => d.status)).toEqual(['approved', 'approved', 'approved']);
  }

  // Train in the workers, on demand.
  const queued = await postJson(`${api.sut.url}/api/v1/sites/${SITE}/models/train`, {}, owner);
  expect(queued.status).toBe(202);
  const candidate = await eventually(async () => (await models()).models[0], 60_000, 'the candidate');
  expect(candidate).toMatchObject({ version: 1, status: 'candidate', worseThanLive: false, trainingData: { labels: 600, heldOutLabels: 120 } });
  expect(candidate.metrics.candidate.agreement).toBeGreaterThan(candidate.metrics.live.agreement);
  expect(candidate.metrics.candidate.cleanHeld).toBeLessThan(candidate.metrics.live.cleanHeld);
  expect(candidate.metrics.candidate.badApproved).toBeLessThan(candidate.metrics.live.badApproved);

  // Promote: new comments of both kinds are decided as the moderators would.
  expect((await postJson(`${api.sut.url}/api/v1/sites/${SITE}/models/1/promote`, {}, owner)).status).toBe(200);
  await waitForModel(/\+site-v1$/);
  const town = await statuses(SITE, TOWN_COMMENTS);
  const spam = await statuses(SITE, TRADE_SPAM);
  expect(town.map((d) => d.status)).toEqual(['approved', 'approved', 'approved']);
  expect(spam.map((d) => d.status)).toEqual(['rejected', 'rejected', 'rejected']);
  for (const decided of [...town, ...spam]) expect(decided.model).toMatch(/\+site-v1$/);

  // Another site: the shipped model, the same decisions as before.
  const elsewhere = [...(await statuses(OTHER, TOWN_COMMENTS)), ...(await statuses(OTHER, TRADE_SPAM))];
  expect(elsewhere.map((d) => d.status)).toEqual(['held', 'held', 'held', 'approved', 'approved', 'approved']);
  for (const decided of elsewhere) expect(decided.model).toMatch(shipped);

  // Roll back: the old decisions return.
  expect((await postJson(`${api.sut.url}/api/v1/sites/${SITE}/models/rollback`, {}, owner)).json).toEqual({ retired: 1, live: null });
  await waitForModel(shipped);
  expect((await statuses(SITE, TOWN_COMMENTS)).map((d) => d.status)).toEqual(['held', 'held', 'held']);
  expect((await statuses(SITE, TRADE_SPAM)).map((d) => d.status)).toEqual(['approved', 'approved', 'approved']);
}, 120_000);
