import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DEFAULT_SITE_SETTINGS, type AcceptedComment, type Decision, type ScoreResult } from '@moderato/core';
import { recordDecision, type Database } from '@moderato/db';

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

/** A scorer's result with the site defaults' thresholds. */
export function scoreResult(decision: Decision, overrides: Partial<ScoreResult> = {}): ScoreResult {
  return {
    spam: 0.1,
    toxicity: 0.2,
    decision,
    reasons: [],
    modelVersion: 'test-model',
    thresholds: { spam: DEFAULT_SITE_SETTINGS.spam, toxicity: DEFAULT_SITE_SETTINGS.toxicity },
    language: 'en',
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
