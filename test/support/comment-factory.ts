import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DEFAULT_SITE_SETTINGS, type AcceptedComment, type Decision } from '@moderato/core';
import { recordDecision, type Database } from '@moderato/db';

/** Stores a decided comment directly, as the worker would, with the scores given. */
export async function givenDecidedComment(
  db: Kysely<Database>,
  options: { siteId: string; decision: Decision; emailEncrypted?: string; spam?: number; toxicity?: number; articleId?: string; emailHash?: string; acceptedAt?: Date; body?: string },
): Promise<AcceptedComment> {
  const comment: AcceptedComment = {
    id: randomUUID(),
    siteId: options.siteId,
    articleId: options.articleId ?? 'post-1',
    parentId: null,
    name: 'Ann',
    body: options.body ?? 'A comment body',
    emailEncrypted: options.emailEncrypted ?? 'v1.a.b.c',
    emailHash: options.emailHash ?? 'e'.repeat(64),
    ipHash: null,
    acceptedAt: (options.acceptedAt ?? new Date()).toISOString(),
  };
  await recordDecision(db, comment, {
    spam: options.spam ?? 0.5,
    toxicity: options.toxicity ?? 0.1,
    decision: options.decision,
    reasons: [{ code: 'spam-model', message: 'spam model 0.50: "buy"', matches: ['buy'] }],
    modelVersion: 'test',
    thresholds: { spam: DEFAULT_SITE_SETTINGS.spam, toxicity: DEFAULT_SITE_SETTINGS.toxicity },
  });
  return comment;
}
