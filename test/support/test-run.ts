/**
 * Where global setup leaves the run's names for the test files: an
 * environment variable, which jest's workers inherit, so that two test runs
 * on one machine never see each other's databases.
 */
export const RUN_ENV = 'MODERATO_TEST_RUN';

export interface TestRun {
  /** Unique per `npm test`; prefixes every database and queue the run makes. */
  id: string;
  templateDatabase: string;
  /** The server's URL with no database in it. */
  serverUrl: string;
  redisUrl: string;
}

export function readTestRun(): TestRun {
  const run = process.env[RUN_ENV];
  if (!run) throw new Error(`${RUN_ENV} is not set: run the tests with jest, whose global setup sets it`);
  return JSON.parse(run) as TestRun;
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
