import { randomUUID } from 'node:crypto';
import type { AcceptedComment, PersonalDataKeys } from '@moderato/core';
import type { NewComment } from './comment-input';

export interface IntakeContext {
  siteId: string;
  articleId: string;
  /** The client address as Express sees it; only its keyed hash is kept. */
  ip: string | undefined;
  acceptedAt: Date;
}

/**
 * Turns a validated comment into what the queue carries: a fresh id, and the
 * email sealed and hashed here, before anything leaves the process.
 */
export function acceptComment(input: NewComment, context: IntakeContext, keys: PersonalDataKeys): AcceptedComment {
  return {
    id: randomUUID(),
    siteId: context.siteId,
    articleId: context.articleId,
    parentId: input.parentId ?? null,
    name: input.name,
    body: input.body,
    emailEncrypted: keys.encryptEmail(input.email),
    emailHash: keys.hashEmail(input.email),
    ipHash: context.ip ? keys.hashIp(context.ip) : null,
    acceptedAt: context.acceptedAt.toISOString(),
  };
}
