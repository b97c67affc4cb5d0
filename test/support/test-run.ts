import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Where global setup leaves the run's names for the test files. */
export const RUN_FILE = path.join(__dirname, '..', '..', 'node_modules', '.cache', 'moderato-test-run.json');

export interface TestRun {
  /** Unique per `npm test`; prefixes every database and queue the run makes. */
  id: string;
  templateDatabase: string;
  /** The server's URL with no database in it. */
  serverUrl: string;
  redisUrl: string;
}

export function readTestRun(): TestRun {
  return JSON.parse(readFileSync(RUN_FILE, 'utf8')) as TestRun;
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
