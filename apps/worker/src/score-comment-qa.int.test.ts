import type { Job } from 'bullmq';
import { Writable } from 'node:stream';
import { createLogger } from '@moderato/config';
import type { Decision, Scorer } from '@moderato/core';
import { findAuthorContexts, recordDecisions, type SiteDirectory } from '@moderato/db';
import { PAYLOAD_VERSION, type ScoreCommentPayload } from '@moderato/queue';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { givenSite } from '../../../test/support/fixtures';
import { acceptedComment, scoreResult } from '../../../test/support/comment-factory';
import { createScoreCommentProcessor } from './score-comment.processor';

// The processor's QA hook: which decisions it draws for, at which rate, and what a draw stores.
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'sampled', { qaSampleRate: 0.25 });
});
afterAll(() => testDb.close());

const noSites: SiteDirectory = { find: async () => undefined, refresh: async () => undefined, stop: () => undefined };
const silent = createLogger({ level: 'silent', service: 'test', destination: new Writable({ write: (_chunk, _encoding, done) => done() }) });
const scorerDeciding = (decision: Decision): Scorer => ({ modelVersion: 'stub', score: () => scoreResult(decision) });

function processorWith(decision: Decision, draws: number[], drawn: boolean) {
  return createScoreCommentProcessor({
    scorers: { forSite: async () => ({ live: scorerDeciding(decision) }) },
    sites: noSites,
    db: testDb.db,
    logger: silent,
    lookUpAuthor: async (query) => (await findAuthorContexts(testDb.db, [query]))[0]!,
    record: async (d) => (await recordDecisions(testDb.db, [d]))[0]!,
    drawQaSample: (rate) => (draws.push(rate), drawn),
  });
}
const job = (comment = acceptedComment({ siteId: 'sampled' })) => ({ id: comment.id, data: { v: PAYLOAD_VERSION, comment }, attemptsMade: 0 }) as unknown as Job<ScoreCommentPayload>;
const isSample = async (id: string) => (await testDb.db.selectFrom('qa_samples').select('comment_id').where('comment_id', '=', id).executeTakeFirst()) !== undefined;

it("draws for an automatic approval at the site's rate, and stores the sample when drawn", async () => {
  const draws: number[] = [];
  const drawnJob = job();
  await processorWith('approve', draws, true)(drawnJob);
  const notDrawnJob = job();
  await processorWith('approve', draws, false)(notDrawnJob);
  expect(draws).toEqual([0.25, 0.25]);
  expect(await isSample(drawnJob.data.comment.id)).toBe(true);
  expect(await isSample(notDrawnJob.data.comment.id)).toBe(false);
});

it.each(['hold', 'reject'] as const)('never draws for a comment it decides to %s', async (decision) => {
  const draws: number[] = [];
  const held = job();
  await processorWith(decision, draws, true)(held);
  expect(draws).toEqual([]);
  expect(await isSample(held.data.comment.id)).toBe(false);
});
