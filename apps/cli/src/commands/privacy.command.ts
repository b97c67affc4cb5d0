import type { Kysely } from 'kysely';
import { loadConfig, type Config } from '@moderato/config';
import { createPersonalDataKeys } from '@moderato/core';
import { createDatabase, eraseCommentsByEmailHash, exportCommentsByEmailHash, recordQueueEvent, type Database, type ErasureMode } from '@moderato/db';
import { createRedisConnection, createScoreCommentQueue, removeJobsOfAuthor, type AuthorJobsRemoval } from '@moderato/queue';
import { parseOptions } from '../parse-options';
import { UsageError } from '../usage-error';

/** Recorded in the audit rows: the CLI runs with database access, not as a staff user. */
const CLI_ACTOR = 'system:cli';
const MODES: readonly ErasureMode[] = ['placeholder', 'delete'];

function emailOption(args: string[], extra: Record<string, { type: 'string' }> = {}) {
  const options = parseOptions(args, { email: { type: 'string' }, ...extra });
  if (!options.email || !options.email.includes('@')) throw new UsageError('--email is required (the commenter’s address)');
  return options as { email: string; mode?: string };
}

/** `moderato privacy export --email E`: every comment stored under that address, as JSON. */
export async function privacyExportCommand(args: string[]): Promise<void> {
  const { email } = emailOption(args);
  const config = loadConfig();
  const db = createDatabase({ url: config.databaseUrl, maxConnections: 1 });
  try {
    const comments = await exportCommentsByEmailHash(db, createPersonalDataKeys(config.secret).hashEmail(email), CLI_ACTOR);
    console.log(JSON.stringify({ email, exportedAt: new Date().toISOString(), comments }, null, 2));
  } finally {
    await db.destroy();
  }
}

/**
 * Removes the queue's jobs of the erased author, in every state (waiting,
 * delayed, failed, completed), waiting a little for any a worker holds.
 * Postgres is already erased, and refuses the comment of a job still
 * running, so this only takes the text out of Redis; audited.
 */
async function removeQueuedCopies(config: Config, db: Kysely<Database>, emailHash: string): Promise<AuthorJobsRemoval> {
  const redis = createRedisConnection(config.redisUrl, 'producer');
  redis.on('error', () => undefined);
  const queue = createScoreCommentQueue({ connection: redis, prefix: config.queuePrefix });
  try {
    const removal = await removeJobsOfAuthor(queue, emailHash);
    await recordQueueEvent(db, { action: 'erase', jobIds: removal.removed, actor: CLI_ACTOR, details: { stillActive: removal.stillActive } });
    return removal;
  } finally {
    await queue.close().catch(() => undefined);
    redis.disconnect();
  }
}

/** `moderato privacy erase --email E [--mode placeholder|delete]`: audited; prints what it did. */
export async function privacyEraseCommand(args: string[]): Promise<void> {
  const { email, mode = 'placeholder' } = emailOption(args, { mode: { type: 'string' } });
  if (!MODES.includes(mode as ErasureMode)) throw new UsageError('--mode must be placeholder or delete');
  const config = loadConfig();
  const db = createDatabase({ url: config.databaseUrl, maxConnections: 1 });
  try {
    const emailHash = createPersonalDataKeys(config.secret).hashEmail(email);
    const ids = await eraseCommentsByEmailHash(db, { emailHash, mode: mode as ErasureMode, actor: CLI_ACTOR });
    const removal = await removeQueuedCopies(config, db, emailHash).catch((error: Error) => {
      console.error(`moderato: comments erased, but queue copies could not be removed (${error.message}); run the command again`);
      return null;
    });
    if (removal && removal.stillActive.length > 0) {
      console.error(`moderato: ${removal.stillActive.length} job(s) of this author are still being processed; they will not be stored, but run the command again to remove them from the queue`);
    }
    console.log(JSON.stringify({ mode, erased: ids.length, ids, queueJobsRemoved: removal?.removed.length ?? null, queueJobsStillActive: removal?.stillActive.length ?? null }));
  } finally {
    await db.destroy();
  }
}
