/**
 * Node's socket and DNS error codes that mean "the server is not reachable
 * now", whichever client raised them: Postgres and Redis outages both show
 * up as these before any protocol error.
 */
export const SOCKET_ERROR_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
