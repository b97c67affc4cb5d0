import type { Kysely } from 'kysely';
import type { Logger } from '@moderato/config';
import { purgeExpired, recordQueueEvent, RETENTION_ACTOR, type Database } from '@moderato/db';
import { expireDeadLetters, type ScoreCommentQueue } from '@moderato/queue';

const DAY_MS = 86_400_000;

export interface RetentionProcessorOptions {
  db: Kysely<Database>;
  /** Its failed set (the dead letters) holds comments too. */
  queue: ScoreCommentQueue;
  logger: Logger;
  retentionDays: number;
  now?: () => Date;
}

/**
 * The hourly purge: held/rejected comments, IP hashes and dead letters older
 * than the retention age; each batch of dead letters leaves a queue_events row.
 */
export function createRetentionProcessor({ db, queue, logger, retentionDays, now = () => new Date() }: RetentionProcessorOptions) {
  return async (): Promise<void> => {
    const before = new Date(now().getTime() - retentionDays * DAY_MS);
    const result = await purgeExpired(db, before);
    const expiredDeadLetters = await expireDeadLetters(queue, before, (jobIds) =>
      recordQueueEvent(db, { action: 'expire', jobIds, actor: RETENTION_ACTOR, details: { before: before.toISOString() } }),
    );
    logger.info({ before: before.toISOString(), ...result, expiredDeadLetters }, 'retention purge done');
  };
}
