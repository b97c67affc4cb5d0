import type { Kysely } from 'kysely';
import { createDatabase, type Database } from './database';
import { createSiteDirectory, type SiteDirectory } from './site-directory';

export interface ServiceDatabaseOptions {
  url: string;
  /** Postgres cancels any statement running longer (0: no limit). */
  statementTimeoutMs: number;
  /** Where pool and reload failures are reported; only their message is passed on, never a row. */
  logger: { warn(fields: object, message: string): void };
  /** Counts a pool error for the service's metrics. */
  countPoolError: () => void;
}

export interface ServiceDatabase {
  db: Kysely<Database>;
  sites: SiteDirectory;
  /** Stops the site reload, then closes the pool. */
  close(): Promise<void>;
}

/**
 * What a long-running service (the API, a worker) opens on Postgres: the pool,
 * with its errors logged and counted rather than crashing the process, and
 * the site directory kept in memory over it.
 */
export function openServiceDatabase({ url, statementTimeoutMs, logger, countPoolError }: ServiceDatabaseOptions): ServiceDatabase {
  const db = createDatabase({
    url,
    statementTimeoutMs,
    onPoolError: (error) => {
      countPoolError();
      logger.warn({ err: { message: error.message } }, 'postgres pool error');
    },
  });
  const sites = createSiteDirectory({
    db,
    onRefreshError: (error) => logger.warn({ err: { message: (error as Error).message } }, 'site reload failed'),
  });
  return {
    db,
    sites,
    async close() {
      sites.stop();
      await db.destroy();
    },
  };
}
