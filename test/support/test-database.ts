import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Client } from 'pg';
import { createDatabase, type Database } from '@moderato/db';
import { databaseUrl, readTestRun } from './test-run';

export interface TestDatabase {
  url: string;
  db: Kysely<Database>;
  /** Closes the pool; global teardown drops the database. */
  close(): Promise<void>;
}

/** A new database on the test server, named after the run so that global teardown drops it. */
async function newDatabase(template?: string): Promise<string> {
  const run = readTestRun();
  const name = `${run.id}_${randomBytes(4).toString('hex')}`;
  const client = new Client({ connectionString: run.serverUrl });
  await client.connect();
  try {
    await client.query(`create database "${name}"${template ? ` template "${template}"` : ''}`);
  } finally {
    await client.end();
  }
  return databaseUrl(run.serverUrl, name);
}

/** A fresh, migrated database for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = await newDatabase(readTestRun().templateDatabase);
  const db = createDatabase({ url, maxConnections: 5 });
  return { url, db, close: () => db.destroy() };
}

/** An empty database (nothing migrated) for a test that runs `moderato migrate` itself. */
export const createEmptyDatabase = (): Promise<string> => newDatabase();

/** A queue prefix no other test uses; global teardown deletes its keys. */
export function uniqueQueuePrefix(): string {
  return `${readTestRun().id}-${randomBytes(4).toString('hex')}`;
}

export function testRedisUrl(): string {
  return readTestRun().redisUrl;
}
