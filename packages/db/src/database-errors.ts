import { SOCKET_ERROR_CODES } from '@moderato/config';
import { DatabaseError } from 'pg';

// "Postgres is not there right now", as opposed to "this query is wrong":
// only these may become a 503 or pause the queue; anything else is a bug
// and must surface as one.

// The server's own: 57P01 admin_shutdown, 57P02 crash_shutdown,
// 57P03 cannot_connect_now (starting up, in recovery), 53300 too_many_connections.
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
// pg and pg-pool raise these without a code; their text is fixed in those libraries.
const DRIVER_MESSAGES = ['Connection terminated', 'timeout exceeded when trying to connect', 'Client has encountered a connection error'];

/** True when the error means Postgres is unreachable or refusing connections, whatever the query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    // Class 08: connection exceptions.
    if (SOCKET_ERROR_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  return typeof message === 'string' && DRIVER_MESSAGES.some((prefix) => message.startsWith(prefix));
}

/** True for the error Postgres raises when it cancels a statement over the pool's statement timeout. */
export function isStatementTimeout(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '57014';
}

/**
 * What of a Postgres error may be logged: its SQLSTATE and the schema names
 * it points at, and its message unless it is a data exception (class 22,
 * whose messages quote the value, which may be personal). Undefined for an
 * error that did not come from Postgres.
 */
export function loggableDatabaseError(error: unknown): Record<string, string> | undefined {
  if (!(error instanceof DatabaseError) || !error.code) return undefined;
  const { code, routine, table, column, constraint } = error;
  const fields = Object.entries({ code, routine, table, column, constraint }).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  if (!code.startsWith('22')) fields.push(['message', error.message]);
  return Object.fromEntries(fields);
}
