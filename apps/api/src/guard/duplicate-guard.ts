import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { AcceptedComment } from '@moderato/core';
import { HttpError, unavailableIfDown } from '../errors';

export interface DuplicateGuardOptions {
  redis: Redis;
  /** Key prefix (the queue prefix), so installs sharing one Redis stay apart. */
  prefix: string;
  windowSeconds: number;
}

export interface DuplicateGuard {
  /**
   * Claims "this author said this here" for the window; throws a 409 when
   * already claimed and a 503 when Redis is unreachable. Returns a release
   * for when the comment could not be queued after all.
   */
  claim(comment: AcceptedComment): Promise<() => Promise<void>>;
}

export const duplicateComment = () =>
  new HttpError(409, 'duplicate_comment', 'you already posted this comment here; it is awaiting moderation or already published');

/**
 * One Redis key per (site, article, author's email hash, cleaned body), SET
 * NX with an expiry: atomic across API processes and never waits on
 * Postgres. The key is a hash of a hash, so neither email nor text sits in
 * Redis.
 */
export function createDuplicateGuard({ redis, prefix, windowSeconds }: DuplicateGuardOptions): DuplicateGuard {
  return {
    async claim(comment) {
      const digest = createHash('sha256')
        .update([comment.siteId, comment.articleId, comment.emailHash, comment.body].join('\0'))
        .digest('base64url');
      const key = `${prefix}:dup:${digest}`;
      const claimed = await redis.set(key, '1', 'EX', windowSeconds, 'NX').catch(unavailableIfDown('the comment queue'));
      if (claimed === null) throw duplicateComment();
      return async () => {
        await redis.del(key).catch(() => undefined);
      };
    },
  };
}
