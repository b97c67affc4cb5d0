import type { Kysely } from 'kysely';
import { findAuthorContexts, isDatabaseUnavailable, recordDecisions, type AuthorContext, type AuthorContextQuery, type Database, type ScoredComment } from '@moderato/db';
import { createMicroBatcher } from './micro-batcher';

export interface BatchedDatabaseOptions {
  db: Kysely<Database>;
  /** Jobs in flight in this process: a batch never needs to be larger. */
  maxItems: number;
  /**
   * How long the first job of a batch waits for company. Short next to the
   * 4+ round trips a batch saves; bounds the latency it adds at low load.
   */
  maxWaitMs?: number;
}

export interface BatchedDatabase {
  lookUpAuthor: (query: AuthorContextQuery) => Promise<AuthorContext>;
  record: (scored: ScoredComment) => Promise<boolean>;
}

/**
 * The worker's two database steps, each batched across the jobs in flight:
 * one query for every job's author look-up, one transaction for every job's
 * decision and audit row. Each job still waits for its own commit, so
 * BullMQ acks nothing that is not stored. An outage fails the whole batch
 * (the outage wrapper pauses the queue); any other error re-runs the items
 * one by one so only the job at fault fails.
 */
export function createBatchedDatabase({ db, maxItems, maxWaitMs = 5 }: BatchedDatabaseOptions): BatchedDatabase {
  const common = { maxItems, maxWaitMs, isSharedFailure: isDatabaseUnavailable };
  return {
    lookUpAuthor: createMicroBatcher({ ...common, run: (queries: AuthorContextQuery[]) => findAuthorContexts(db, queries) }),
    record: createMicroBatcher({ ...common, run: (scored: ScoredComment[]) => recordDecisions(db, scored) }),
  };
}
