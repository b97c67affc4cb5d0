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

/** A fresh, migrated database for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const run = readTestRun();
  const name = `${run.id}_${randomBytes(4).toString('hex')}`;
  const client = new Client({ connectionString: run.serverUrl });
  await client.connect();
  try {
    await client.query(`create database "${name}" template "${run.templateDatabase}"`);
  } finally {
    await client.end();
  }
  const url = databaseUrl(run.serverUrl, name);
  const db = createDatabase({ url, maxConnections: 5 });
  return { url, db, close: () => db.destroy() };
}

/** An empty database (nothing migrated) for a test that runs `moderato migrate` itself; global teardown drops it. */
export async function createEmptyDatabase(): Promise<string> {
  const run = readTestRun();
  const name = `${run.id}_${randomBytes(4).toString('hex')}`;
  const client = new Client({ connectionString: run.serverUrl });
  await client.connect();
  try {
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  return databaseUrl(run.serverUrl, name);
}

/** A queue prefix no other test uses; global teardown deletes its keys. */
export function uniqueQueuePrefix(): string {
  return `${readTestRun().id}-${randomBytes(4).toString('hex')}`;
}

export function testRedisUrl(): string {
  return readTestRun().redisUrl;
}
