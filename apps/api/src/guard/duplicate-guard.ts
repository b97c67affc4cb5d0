import { createHash } from 'node:crypto';
import type { AcceptedComment } from '@moderato/core';
import type { DuplicateCheck } from '@moderato/queue';
import { HttpError } from '../errors';

export interface DuplicateGuardOptions {
  windowSeconds: number;
}

export interface DuplicateGuard {
  /** The check that goes with the comment's job: one job per (site, article, author, cleaned body) within the window. */
  checkFor(comment: AcceptedComment): DuplicateCheck;
}

export const duplicateComment = () =>
  new HttpError(409, 'duplicate_comment', 'you already posted this comment here; it is awaiting moderation or already published');

/**
 * "This author said this here" as a duplicate id for BullMQ's deduplication,
 * which sets its key in the same script that adds the job: atomic across API
 * processes, one round trip, and never a key without its job (a failed add
 * leaves nothing to release). The id is a hash of the keyed email hash and
 * the body, so neither email nor text sits in the key name.
 */
export function createDuplicateGuard({ windowSeconds }: DuplicateGuardOptions): DuplicateGuard {
  const ttlMs = windowSeconds * 1000;
  return {
    checkFor(comment) {
      const id = createHash('sha256')
        .update([comment.siteId, comment.articleId, comment.emailHash, comment.body].join('\0'))
        .digest('base64url');
      return { id, ttlMs };
    },
  };
}
