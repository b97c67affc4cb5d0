import { sql } from 'kysely';
import type { SiteModelMetrics, SiteModelTrainingData } from '@moderato/core';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { givenSite } from '../../../test/support/fixtures';
import { givenLabelledComments, type LabelledComment } from '../../../test/support/labelled-comments';
import { eraseCommentsByEmailHash } from './privacy.repository';
import {
  findLiveSiteModelWeights,
  insertSiteModelCandidate,
  listSitesDueForTraining,
  listTrainingLabels,
  SiteNotFoundError,
  type NewSiteModelCandidate,
} from './site-model-training.repository';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.close());

const minute = (n: number) => new Date(Date.UTC(2026, 10, 1, 0, n));
const clean = (n: number, body = `clean ${n}`): LabelledComment => ({ body, spam: false, toxic: false, labelledAt: minute(n) });

const metrics: SiteModelMetrics = {
  candidate: { labels: 10, clean: 8, bad: 2, agreement: 0.9, cleanHeld: 0.1, badApproved: 0, rocAuc: 0.95 },
  live: { labels: 10, clean: 8, bad: 2, agreement: 0.7, cleanHeld: 0.3, badApproved: 0.5, rocAuc: 0.8 },
  liveVersion: null,
};
const trainingData: SiteModelTrainingData = {
  cutoff: minute(100).toISOString(),
  labels: 50,
  trainLabels: 40,
  heldOutLabels: 10,
  heldOutFrom: minute(90).toISOString(),
  languages: { en: { spam: { yes: 20, no: 20, learned: true }, toxic: { yes: 3, no: 37, learned: false } } },
  durationMs: 12,
};
const candidate = (siteId: string, cutoff = minute(100)): NewSiteModelCandidate => ({
  siteId,
  baseModelVersion: 'linear-hash-v2+abc',
  labelCutoff: cutoff,
  trainingData,
  metrics,
  weights: { en: { featureScheme: 'en/x', spam: { scale: 0.9, bias: 0.1, indices: [3, 9], weights: [0.5, -0.25] } } },
  createdBy: 'system:cli',
});

describe('listTrainingLabels', () => {
  beforeAll(async () => {
    await givenSite(testDb.db, 'labels');
    await givenSite(testDb.db, 'elsewhere');
    await givenLabelledComments(testDb.db, 'labels', [
      clean(3, 'third'),
      { body: 'spam', spam: true, toxic: null, labelledAt: minute(1), language: null },
      { body: 'abuse', spam: null, toxic: true, labelledAt: minute(2), language: 'und' },
      clean(10, 'after the cutoff'),
    ]);
    await givenLabelledComments(testDb.db, 'elsewhere', [clean(1, 'another site')]);
  });

  it('reads a site’s labels up to the cutoff with their comments’ text and language, oldest first', async () => {
    const sut = await listTrainingLabels(testDb.db, 'labels', minute(5));

    expect(sut.map(({ body, language, spam, toxic, labelledAt }) => ({ body, language, spam, toxic, labelledAt }))).toEqual([
      { body: 'spam', language: null, spam: true, toxic: null, labelledAt: minute(1) },
      { body: 'abuse', language: 'und', spam: null, toxic: true, labelledAt: minute(2) },
      { body: 'third', language: 'en', spam: false, toxic: false, labelledAt: minute(3) },
    ]);
    expect(sut[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the newest when there are more than asked for', async () => {
    const sut = await listTrainingLabels(testDb.db, 'labels', minute(5), { limit: 2 });

    expect(sut.map((l) => l.body)).toEqual(['abuse', 'third']);
  });

  it('leaves out erased comments, whose text is gone', async () => {
    await givenSite(testDb.db, 'erasing');
    await givenLabelledComments(testDb.db, 'erasing', [clean(1, 'kept')]);
    const [erased] = await givenLabelledComments(testDb.db, 'erasing', [clean(2, 'to be erased')]);
    await sql`update comments set email_hash = ${'e'.repeat(64)} where id = ${erased}`.execute(testDb.db);
    await eraseCommentsByEmailHash(testDb.db, { emailHash: 'e'.repeat(64), mode: 'placeholder', actor: 'system:cli' });

    expect((await listTrainingLabels(testDb.db, 'erasing', minute(5))).map((l) => l.body)).toEqual(['kept']);
  });
});

describe('insertSiteModelCandidate', () => {
  beforeAll(async () => {
    await givenSite(testDb.db, 'numbered');
    await givenSite(testDb.db, 'racing');
  });

  it('numbers each site’s models from 1, stores a candidate and audits the training', async () => {
    const first = await insertSiteModelCandidate(testDb.db, candidate('numbered'));
    const second = await insertSiteModelCandidate(testDb.db, candidate('numbered'));

    expect([first, second]).toEqual([1, 2]);
    const row = await testDb.db.selectFrom('site_models').selectAll().where('site_id', '=', 'numbered').where('version', '=', 2).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'candidate', base_model_version: 'linear-hash-v2+abc', label_cutoff: minute(100), created_by: 'system:cli', went_live_at: null });
    expect(row.metrics).toEqual(metrics);
    expect(row.training_data).toEqual(trainingData);
    expect(row.weights).toEqual(candidate('numbered').weights);
    const events = await testDb.db.selectFrom('site_model_events').selectAll().where('site_id', '=', 'numbered').orderBy('id').execute();
    expect(events.map((e) => [e.version, e.action, e.actor, e.forced])).toEqual([
      [1, 'train', 'system:cli', false],
      [2, 'train', 'system:cli', false],
    ]);
    expect(events[0]!.details).toEqual({ labels: 50, heldOutLabels: 10, agreement: 0.9, liveAgreement: 0.7, liveVersion: null });
  });

  it('gives trainings that finish at once distinct versions', async () => {
    const versions = await Promise.all(Array.from({ length: 5 }, () => insertSiteModelCandidate(testDb.db, candidate('racing'))));

    expect([...versions].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a site that does not exist', async () => {
    await expect(insertSiteModelCandidate(testDb.db, candidate('nowhere'))).rejects.toThrow(SiteNotFoundError);
  });
});

describe('findLiveSiteModelWeights', () => {
  it('is null while the shipped model decides, then the live model’s version and weights', async () => {
    await givenSite(testDb.db, 'live');
    await insertSiteModelCandidate(testDb.db, candidate('live'));
    expect(await findLiveSiteModelWeights(testDb.db, 'live')).toBeNull();

    await testDb.db.updateTable('site_models').set({ status: 'live', went_live_at: new Date() }).where('site_id', '=', 'live').execute();

    expect(await findLiveSiteModelWeights(testDb.db, 'live')).toEqual({ version: 1, weights: candidate('live').weights });
  });
});

describe('listSitesDueForTraining', () => {
  it('lists sites with enough labels newer than their newest model', async () => {
    await givenSite(testDb.db, 'due-new');
    await givenSite(testDb.db, 'due-few');
    await givenSite(testDb.db, 'due-trained');
    await givenLabelledComments(testDb.db, 'due-new', Array.from({ length: 50 }, (_, i) => clean(i)));
    await givenLabelledComments(testDb.db, 'due-few', Array.from({ length: 49 }, (_, i) => clean(i)));
    await givenLabelledComments(testDb.db, 'due-trained', Array.from({ length: 80 }, (_, i) => clean(i)));
    await insertSiteModelCandidate(testDb.db, candidate('due-trained', minute(39)));

    const due = (await listSitesDueForTraining(testDb.db, 50)).filter((id) => id.startsWith('due-'));
    expect(due).toEqual(['due-new']);

    // Ten more than the 40 labels given after its model's cutoff.
    await givenLabelledComments(testDb.db, 'due-trained', Array.from({ length: 10 }, (_, i) => clean(200 + i)));
    expect((await listSitesDueForTraining(testDb.db, 50)).filter((id) => id.startsWith('due-'))).toEqual(['due-new', 'due-trained']);
  });
});
