import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database';
import type { QueueEventAction } from './tables/queue-events.table';

export type { QueueEventAction } from './tables/queue-events.table';

export interface QueueEvent {
  action: QueueEventAction;
  jobIds: string[];
  actor: string;
  details?: Record<string, unknown>;
}

/** Records one audited queue operation (retry, discard, expiry, erasure) and the jobs it touched. */
export async function recordQueueEvent(db: Kysely<Database> | Transaction<Database>, event: QueueEvent): Promise<void> {
  await db
    .insertInto('queue_events')
    .values({ action: event.action, job_ids: event.jobIds, actor: event.actor, details: event.details ?? {} })
    .execute();
}
