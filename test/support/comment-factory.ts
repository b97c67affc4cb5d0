import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { bodyFingerprint, DEFAULT_SITE_SETTINGS, type AcceptedComment, type Decision, type ScoreResult } from '@moderato/core';
import { recordDecisions, type DecisionContext, type Database } from '@moderato/db';

/** An accepted comment as the intake queues it, on site `blog` unless overridden. */
export function acceptedComment(overrides: Partial<AcceptedComment> = {}): AcceptedComment {
  return {
    id: randomUUID(),
    siteId: 'blog',
    articleId: 'post-1',
    parentId: null,
    name: 'Ann',
    body: 'Nice post',
    emailEncrypted: 'v1.a.b.c',
    emailHash: 'a'.repeat(64),
    ipHash: null,
    acceptedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** A scorer's result with the site defaults' thresholds; no fingerprint ('') unless given (recordDecision works it out from the body). */
export function scoreResult(decision: Decision, overrides: Partial<ScoreResult> = {}): ScoreResult {
  return {
    spam: 0.1,
    toxicity: 0.2,
    decision,
    reasons: [],
    modelVersion: 'test-model',
    thresholds: { spam: DEFAULT_SITE_SETTINGS.spam, toxicity: DEFAULT_SITE_SETTINGS.toxicity },
    language: 'en',
    fingerprint: '',
    ...overrides,
  };
}

/** Stores a decided comment directly, as the worker would, with the scores given. */
export async function givenDecidedComment(
  db: Kysely<Database>,
  options: { siteId: string; decision: Decision; emailEncrypted?: string; spam?: number; toxicity?: number; articleId?: string; emailHash?: string; acceptedAt?: Date; body?: string },
): Promise<AcceptedComment> {
  const comment = acceptedComment({
    siteId: options.siteId,
    articleId: options.articleId ?? 'post-1',
    body: options.body ?? 'A comment body',
    emailEncrypted: options.emailEncrypted ?? 'v1.a.b.c',
    emailHash: options.emailHash ?? 'e'.repeat(64),
    acceptedAt: (options.acceptedAt ?? new Date()).toISOString(),
  });
  await recordDecision(
    db,
    comment,
    scoreResult(options.decision, {
      spam: options.spam ?? 0.5,
      // Clean under the default bands (toxicity holds from 0.09).
      toxicity: options.toxicity ?? 0.05,
      reasons: [{ code: 'spam-model', message: 'spam model 0.50: "buy"', matches: ['buy'] }],
      modelVersion: 'test',
    }),
  );
  return comment;
}

/**
 * `count` held comments on a site in one statement (generate_series), newest
 * first by a second each, with random scores, a link each and varied author
 * histories: a large site for previews and benchmarks, in about a second.
 */
export async function givenManyHeldComments(db: Kysely<Database>, siteId: string, count: number): Promise<void> {
  await sql`
    insert into comments (id, site_id, article_id, author_name, email_encrypted, email_hash, body, status,
      spam_score, toxicity_score, reasons, model_version, thresholds, created_at, decided_at, author_approved_before)
    select gen_random_uuid(), ${siteId}, 'a' || (i % 100), 'Reader', 'v1.x.y.z', md5(i::text),
      repeat('A thoughtful comment about the article, with a few words in it. ', 6) || 'see http://example.org/' || i,
      'held', random(), random() * 0.6, '[]'::jsonb, 'bench', '{}'::jsonb, now() - (i || ' seconds')::interval, now(), i % 3
    from generate_series(1, ${count}::int) as i`.execute(db);
  await sql`analyze comments`.execute(db);
}

/** The score with its fingerprint, from the body when the test gave none, as the scorer would. */
function withFingerprint(comment: AcceptedComment, score: ScoreResult): ScoreResult {
  return score.fingerprint ? score : { ...score, fingerprint: bodyFingerprint(comment.body) };
}

/** One comment's decision through the worker's batch write; whether this call wrote it. */
export async function recordDecision(db: Kysely<Database>, comment: AcceptedComment, score: ScoreResult, context: DecisionContext = {}): Promise<boolean> {
  const [written] = await recordDecisions(db, [{ comment, score: withFingerprint(comment, score), context }]);
  return written ?? false;
}
