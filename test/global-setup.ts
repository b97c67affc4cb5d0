import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { databaseUrl, RUN_ENV, type TestRun } from './support/test-run';

const ROOT = path.join(__dirname, '..');

/**
 * Once per run: a template database migrated by the real `moderato migrate`,
 * which each integration test file clones (CREATE DATABASE ... TEMPLATE).
 */
export default async function globalSetup(): Promise<void> {
  const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const id = `mt${Date.now().toString(36)}${process.pid.toString(36)}`;
  const run: TestRun = { id, templateDatabase: `${id}_template`, serverUrl, redisUrl };

  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`create database "${run.templateDatabase}"`);
  await client.end();
  execFileSync(process.execPath, [path.join(ROOT, 'apps/cli/bin/moderato.js'), 'migrate'], {
    env: { ...process.env, DATABASE_URL: databaseUrl(serverUrl, run.templateDatabase) },
    stdio: 'pipe',
  });

  process.env[RUN_ENV] = JSON.stringify(run);
}
