import { randomUUID } from 'node:crypto';
import type { AcceptedComment, ScoreResult } from '@moderato/core';
import { DEFAULT_SITE_SETTINGS } from '@moderato/core';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { givenSite } from '../../../test/support/fixtures';
import { findRecentBodies } from './author-activity.repository';
import { recordDecision } from '../../../test/support/comment-factory';

let testDb: TestDatabase;
const author = 'b'.repeat(64);

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'blog');
  await givenSite(testDb.db, 'other');
});
afterAll(() => testDb.close());

const scored: ScoreResult = {
  spam: 0.1, toxicity: 0.1, decision: 'hold', reasons: [], modelVersion: 'test', language: 'en', fingerprint: '',
  thresholds: { spam: DEFAULT_SITE_SETTINGS.spam, toxicity: DEFAULT_SITE_SETTINGS.toxicity },
};

async function given(body: string, hoursAgo: number, overrides: Partial<AcceptedComment> = {}): Promise<string> {
  const id = randomUUID();
  const comment: AcceptedComment = {
    id, siteId: 'blog', articleId: 'a', parentId: null, name: 'Ann', body, emailEncrypted: 'v1.a.b.c',
    emailHash: author, ipHash: null, acceptedAt: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(), ...overrides,
  };
  await recordDecision(testDb.db, comment, scored);
  return id;
}

describe('findRecentBodies', () => {
  it("returns the author's bodies on this site from the last 24 h, newest first, without the given comment", async () => {
    await given('old one', 30);
    await given('two hours ago', 2);
    await given('one hour ago', 1);
    await given('elsewhere', 1, { siteId: 'other' });
    await given('someone else', 1, { emailHash: 'c'.repeat(64) });
    const current = await given('just now', 0);

    const sut = await findRecentBodies(testDb.db, 'blog', author, { excludeId: current });
    expect(sut).toEqual(['one hour ago', 'two hours ago']);
  });

  it('honours the limit', async () => {
    expect(await findRecentBodies(testDb.db, 'blog', author, { limit: 1 })).toHaveLength(1);
  });
});
