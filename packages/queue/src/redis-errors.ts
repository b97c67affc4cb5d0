import { SOCKET_ERROR_CODES } from '@moderato/config';
import { ReplyError } from 'ioredis';

// Redis is down or not ready, as opposed to a command that is wrong (a
// WRONGTYPE reply, a script error, a bug of ours): only these become a 503.

// ioredis rejects a command with a plain Error of one of these fixed texts
// when it has no connection to send it on (the producer's
// `enableOfflineQueue: false`), loses it, or gives up waiting.
const CLIENT_MESSAGES = new Set([
  "Stream isn't writeable and enableOfflineQueue options is false",
  'Connection is closed.',
  'Command timed out',
]);
// Raised by ioredis once `maxRetriesPerRequest` reconnects failed; the class
// is not exported, so it is known by its name.
const GAVE_UP = 'MaxRetriesPerRequestError';
// Replies from a server that cannot serve right now: loading its data set,
// busy with a script, a read-only replica, out of memory (noeviction).
const NOT_READY_REPLIES = /^(LOADING|BUSY|MASTERDOWN|READONLY|TRYAGAIN|CLUSTERDOWN|OOM) /;

/** True when the error means Redis is unreachable or not ready, whatever the command. */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof ReplyError) return NOT_READY_REPLIES.test(error.message);
  const { code } = error as { code?: unknown };
  if (typeof code === 'string' && SOCKET_ERROR_CODES.has(code)) return true;
  return error.name === GAVE_UP || CLIENT_MESSAGES.has(error.message);
}
