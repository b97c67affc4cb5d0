import { createHash } from 'node:crypto';
import type { Compilable, Kysely } from 'kysely';
import type { PoolClient } from 'pg';
import type { Database } from './database';

// The SQL texts that run as named prepared statements, with their names. Only
// texts a repository opts into (a handful of hot queries), never every query:
// an `in` list of each length would be a statement of its own, kept by
// Postgres for the connection's lifetime.
const statementNames = new Map<string, string>();

/**
 * Runs a hot query as a named prepared statement: Postgres parses it once per
 * connection and, once its plans prove alike, stops planning it at each call
 * (the review page spent about as long being planned as being run).
 */
export async function executePrepared<R>(db: Kysely<Database>, query: Compilable<R>): Promise<R[]> {
  const compiled = query.compile();
  if (!statementNames.has(compiled.sql)) {
    statementNames.set(compiled.sql, `moderato_${createHash('sha256').update(compiled.sql).digest('hex').slice(0, 32)}`);
  }
  return (await db.executeQuery(compiled)).rows;
}

type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * Lets a pooled connection run the texts above as named statements. Kysely's
 * Postgres driver sends every query as `client.query(text, values)` and has
 * no way to name one; pg runs `{ name, text, values }` as a prepared
 * statement, parsed on the first use on each connection.
 */
export function runPreparedStatements(client: PoolClient): void {
  const query = client.query.bind(client) as Query;
  const named: Query = (config, values, callback) => {
    const name = typeof config === 'string' ? statementNames.get(config) : undefined;
    return name ? query({ name, text: config, values }, callback) : query(config, values, callback);
  };
  (client as unknown as { query: Query }).query = named;
}
