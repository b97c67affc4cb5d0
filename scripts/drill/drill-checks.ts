import { Client } from 'pg';
import { Redis } from 'ioredis';

export interface DrainReport {
  decided: number;
  lost: string[];
  /** Comment rows per id beyond the first (the primary key should make this 0). */
  duplicatedRows: number;
  /** Scorer audit rows per comment beyond the first. */
  duplicatedAuditRows: number;
  /** Rows the drill has no 202 for: requests answered after their connection broke. */
  unacknowledgedRows: number;
}

/** Counts which accepted comments have their row and their scorer audit row. */
export async function checkAccepted(databaseUrl: string, acceptedIds: string[]): Promise<DrainReport> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const decided = await client.query<{ id: string }>(
      `select c.id from comments c
        where c.id = any($1::uuid[]) and c.status in ('approved', 'held', 'rejected')
          and exists (select 1 from comment_events e where e.comment_id = c.id and e.action = 'decide')`,
      [acceptedIds],
    );
    const found = new Set(decided.rows.map((r) => r.id));
    const rows = await client.query<{ extra: string }>(`select coalesce(sum(n - 1), 0) as extra from (select count(*) as n from comments group by id) t`);
    const audit = await client.query<{ extra: string }>(
      `select coalesce(sum(n - 1), 0) as extra from (select count(*) as n from comment_events where action = 'decide' group by comment_id) t`,
    );
    const total = await client.query<{ n: string }>('select count(*) as n from comments');
    return {
      decided: found.size,
      lost: acceptedIds.filter((id) => !found.has(id)),
      duplicatedRows: Number(rows.rows[0]?.extra ?? 0),
      duplicatedAuditRows: Number(audit.rows[0]?.extra ?? 0),
      unacknowledgedRows: Number(total.rows[0]?.n ?? 0) - found.size,
    };
  } finally {
    await client.end();
  }
}

/** Jobs BullMQ gave up on (its failed set): comments that will never be decided without an admin. */
export async function countFailedJobs(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    return await redis.zcard(`${prefix}:score-comment:failed`);
  } finally {
    redis.disconnect();
  }
}

/** Polls until `done` is true or the deadline passes; returns how long it took, or undefined. */
export async function waitUntil(done: () => Promise<boolean>, timeoutMs: number): Promise<number | undefined> {
  const startedAt = Date.now();
  while (Date.now() - startedAt < timeoutMs) {
    if (await done().catch(() => false)) return Date.now() - startedAt;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return undefined;
}
