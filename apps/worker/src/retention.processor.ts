import type { Kysely } from 'kysely';
import type { Logger } from '@moderato/config';
import { purgeExpired, type Database } from '@moderato/db';

const DAY_MS = 86_400_000;

export interface RetentionProcessorOptions {
  db: Kysely<Database>;
  logger: Logger;
  retentionDays: number;
  now?: () => Date;
}

/** The hourly purge: held/rejected comments and IP hashes older than the retention age. */
export function createRetentionProcessor({ db, logger, retentionDays, now = () => new Date() }: RetentionProcessorOptions) {
  return async (): Promise<void> => {
    const before = new Date(now().getTime() - retentionDays * DAY_MS);
    const result = await purgeExpired(db, before);
    logger.info({ before: before.toISOString(), ...result }, 'retention purge done');
  };
}
