import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { givenSite } from '../../../test/support/fixtures';
import { givenSiteHistory } from '../../../test/support/overview-history';
import { acceptedComment, scoreResult } from '../../../test/support/comment-factory';
import { recordDecisions } from './comments.repository';
import { moderateComments } from './moderation.repository';
import { loadSiteOverview as sut } from './overview.repository';
import { recordQaVerdict } from './qa-samples.repository';
import { createUser } from './users.repository';

let testDb: TestDatabase;
let moderatorId: string;
// A Wednesday, 10:00 UTC: the 7-day range runs from Thursday 26 November, 00:00 UTC.
const NOW = new Date('2026-12-02T10:00:00Z');
const hoursAgo = (hours: number) => hours / 24;

beforeAll(async () => {
  testDb = await createTestDatabase();
  for (const site of ['blog', 'empty', 'other']) await givenSite(testDb.db, site);
  moderatorId = (await createUser(testDb.db, { email: 'overview.mod@example.org', passwordHash: 'x', role: 'moderator', siteIds: ['blog'] })).id;
  await givenSiteHistory(testDb.db, {
    siteId: 'blog',
    moderatorId,
    now: NOW,
    comments: [
      // Today (Wednesday 2 December).
      { daysAgo: hoursAgo(1), decision: 'approve', reasons: ['links'] },
      { daysAgo: hoursAgo(2), decision: 'hold', language: 'de', reasons: ['spam-model', 'threshold', 'threshold'] },
      { daysAgo: hoursAgo(9), decision: 'hold', language: 'de', reasons: ['new-commenter'], actions: [{ action: 'approve', daysAgo: hoursAgo(0.5) }] },
      // Yesterday: a hold rejected, an automatic rejection approved, an approval marked spam.
      { daysAgo: 1, decision: 'hold', reasons: ['toxicity-model', 'threshold'], actions: [{ action: 'reject', daysAgo: 0.5 }] },
      { daysAgo: 1, decision: 'reject', language: 'fr', reasons: ['spam-model', 'threshold'], actions: [{ action: 'approve', daysAgo: 0.5 }] },
      { daysAgo: 1, decision: 'approve', language: null, actions: [{ action: 'spam', daysAgo: 0.5 }] },
      // Saturday 28 November, last week: an approval rejected then approved again (one override, then a restore).
      { daysAgo: 4, decision: 'approve', language: 'fr', actions: [{ action: 'reject', daysAgo: 4 }, { action: 'approve', daysAgo: 3.9 }] },
      { daysAgo: 4, decision: 'reject', reasons: ['spam-model', 'links', 'threshold'] },
      // Thursday 26 November, 00:30: the range's first day. Wednesday 25 November, 23:00: just before it, rejected at 23:48.
      { daysAgo: 6 + hoursAgo(9.5), decision: 'hold', reasons: ['links'] },
      { daysAgo: 6 + hoursAgo(11), decision: 'approve', reasons: ['links'], actions: [{ action: 'reject', daysAgo: 6 + hoursAgo(10.2) }] },
      // Thirty days ago: outside the 7-day range, inside the 30-day one.
      { daysAgo: 29, decision: 'approve', language: 'es' },
    ],
  });
  await givenSiteHistory(testDb.db, { siteId: 'other', moderatorId, now: NOW, comments: [{ daysAgo: 1, decision: 'hold', reasons: ['links'] }] });
});
afterAll(() => testDb.close());

const zeroDay = { autoApproved: 0, moderatorApproved: 0, held: 0, rejected: 0 };

it('lists every day of an empty site as zeros, with no share, queue, reasons or languages', async () => {
  const overview = await sut(testDb.db, { siteId: 'empty', days: 7, now: NOW });
  expect(overview.range).toEqual({ days: 7, from: '2026-11-26', to: '2026-12-02' });
  expect(overview.perDay).toEqual(['26', '27', '28', '29', '30'].map((d) => ({ day: `2026-11-${d}`, ...zeroDay })).concat(['01', '02'].map((d) => ({ day: `2026-12-${d}`, ...zeroDay }))));
  expect(overview.autoApprovedShare).toBeNull();
  expect(overview.queue).toEqual({ held: 0, cap: 10_000, oldestHeldAt: null, oldestHeldSeconds: null });
  expect(overview.weeks).toEqual([
    { week: '2026-11-23', days: 4, holdsResolved: 0, approvalsOverturned: 0, rejectionsOverturned: 0 },
    { week: '2026-11-30', days: 3, holdsResolved: 0, approvalsOverturned: 0, rejectionsOverturned: 0 },
  ]);
  expect(overview.reasons).toEqual([]);
  expect(overview.languages).toEqual([]);
});

it('counts each comment of the range once, on the UTC day it arrived, by where it stands now', async () => {
  const overview = await sut(testDb.db, { siteId: 'blog', days: 7, now: NOW });
  const byDay = Object.fromEntries(overview.perDay.map(({ day, ...counts }) => [day, counts]));
  expect(byDay).toEqual({
    '2026-11-26': { ...zeroDay, held: 1 },
    '2026-11-27': zeroDay,
    '2026-11-28': { ...zeroDay, moderatorApproved: 1, rejected: 1 },
    '2026-11-29': zeroDay,
    '2026-11-30': zeroDay,
    '2026-12-01': { ...zeroDay, moderatorApproved: 1, rejected: 2 },
    '2026-12-02': { ...zeroDay, autoApproved: 1, moderatorApproved: 1, held: 1 },
  });
  expect(overview.autoApprovedShare).toBeCloseTo(1 / 9);
});

it('shows the queue now: the held comments and the oldest one, whatever the range', async () => {
  const overview = await sut(testDb.db, { siteId: 'blog', days: 7, now: NOW });
  expect(overview.queue).toEqual({ held: 2, cap: 10_000, oldestHeldAt: '2026-11-26T00:30:00.000Z', oldestHeldSeconds: 6 * 86_400 + 9.5 * 3600 });
});

it('counts per week the holds moderators resolved and the automatic decisions they turned around', async () => {
  const overview = await sut(testDb.db, { siteId: 'blog', days: 7, now: NOW });
  expect(overview.weeks).toEqual([
    // The approval rejected on Saturday and approved again: one override; the rejection on the 25th is before the range.
    { week: '2026-11-23', days: 4, holdsResolved: 0, approvalsOverturned: 1, rejectionsOverturned: 0 },
    // Today's approved hold and yesterday's rejected one; yesterday's rejection approved and approval marked spam.
    { week: '2026-11-30', days: 3, holdsResolved: 2, approvalsOverturned: 1, rejectionsOverturned: 1 },
  ]);
});

it('ranks reason codes by the comments that carry them, a repeated code counted once, and counts languages', async () => {
  const overview = await sut(testDb.db, { siteId: 'blog', days: 7, now: NOW });
  expect(overview.reasons).toEqual([
    { code: 'threshold', comments: 4 },
    { code: 'links', comments: 3 },
    { code: 'spam-model', comments: 3 },
    { code: 'new-commenter', comments: 1 },
    { code: 'toxicity-model', comments: 1 },
  ]);
  expect(overview.languages).toEqual([
    { language: 'en', comments: 4 },
    { language: 'de', comments: 2 },
    { language: 'fr', comments: 2 },
    { language: null, comments: 1 },
  ]);
});

it('widens to 30 days: the older comment counts, with its language, and the weeks run Monday to Sunday', async () => {
  const overview = await sut(testDb.db, { siteId: 'blog', days: 30, now: NOW });
  expect(overview.perDay).toHaveLength(30);
  expect(overview.perDay[0]).toEqual({ day: '2026-11-03', ...zeroDay, autoApproved: 1 });
  expect(overview.perDay.find((d) => d.day === '2026-11-25')).toEqual({ day: '2026-11-25', ...zeroDay, rejected: 1 });
  expect(overview.languages).toContainEqual({ language: 'es', comments: 1 });
  expect(overview.weeks.map((w) => [w.week, w.days])).toEqual([
    ['2026-11-02', 6],
    ['2026-11-09', 7],
    ['2026-11-16', 7],
    ['2026-11-23', 7],
    ['2026-11-30', 3],
  ]);
  expect(overview.weeks[3]).toMatchObject({ approvalsOverturned: 2 });
});

it("counts a moderator's approval through moderateComments, and a QA check or an unchanged status as none", async () => {
  const comment = acceptedComment({ siteId: 'other', acceptedAt: new Date().toISOString() });
  const checked = acceptedComment({ siteId: 'other', acceptedAt: new Date().toISOString() });
  await recordDecisions(testDb.db, [{ comment, score: scoreResult('hold') }, { comment: checked, score: scoreResult('approve'), qaSample: true }]);
  await recordQaVerdict(testDb.db, { siteId: 'other', commentId: checked.id, verdict: 'ok', actor: moderatorId });
  await moderateComments(testDb.db, { ids: [comment.id], action: 'approve', reason: null, actor: moderatorId, mayModerate: () => true });
  // Approving it again changes nothing: no second resolution, no override.
  await moderateComments(testDb.db, { ids: [comment.id], action: 'approve', reason: null, actor: moderatorId, mayModerate: () => true });
  const overview = await sut(testDb.db, { siteId: 'other', days: 7 });
  expect(overview.perDay.at(-1)).toMatchObject({ moderatorApproved: 1, autoApproved: 1 });
  expect(overview.weeks.at(-1)).toMatchObject({ holdsResolved: 1, approvalsOverturned: 0, rejectionsOverturned: 0 });
  // The other site's comment from yesterday is still held, and only there.
  expect(overview.queue.held).toBe(1);
});
