import { loadConfig } from '@moderato/config';
import { createPersonalDataKeys } from '@moderato/core';
import { createDatabase, eraseCommentsByEmailHash, exportCommentsByEmailHash, type ErasureMode } from '@moderato/db';
import { createRedisConnection, createScoreCommentQueue } from '@moderato/queue';
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
 * Removes the finished jobs that still carry the comments (BullMQ keeps
 * completed jobs an hour and failed ones until an admin acts). Best effort:
 * Postgres is already erased; a job still running is left to finish.
 */
async function removeQueuedCopies(redisUrl: string, prefix: string, ids: string[]): Promise<number> {
  const redis = createRedisConnection(redisUrl, 'producer');
  redis.on('error', () => undefined);
  const queue = createScoreCommentQueue({ connection: redis, prefix });
  let removed = 0;
  try {
    for (const id of ids) removed += await queue.remove(id);
  } finally {
    await queue.close().catch(() => undefined);
    redis.disconnect();
  }
  return removed;
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
    const queueJobsRemoved = await removeQueuedCopies(config.redisUrl, config.queuePrefix, ids).catch((error: Error) => {
      console.error(`moderato: comments erased, but queue copies could not be removed (${error.message}); run the command again`);
      return null;
    });
    console.log(JSON.stringify({ mode, erased: ids.length, ids, queueJobsRemoved }));
  } finally {
    await db.destroy();
  }
}
