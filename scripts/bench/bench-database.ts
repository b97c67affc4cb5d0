import { Client } from 'pg';
import type { Kysely } from 'kysely';
import { generateApiToken } from '@moderato/auth';
import { createLogger, loadConfig } from '@moderato/config';
import { DEFAULT_SITE_SETTINGS } from '@moderato/core';
import { createApiToken, createDatabase, createSite, createUser, migrateToLatest, type Database } from '@moderato/db';
import { startApiServer } from '../../apps/api/src/server';

export interface BenchDatabase {
  url: string;
  db: Kysely<Database>;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/** A throwaway, migrated database on the given server, for one benchmark run. */
export async function createBenchDatabase(serverUrl = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'): Promise<BenchDatabase> {
  const name = `moderato_bench_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = createDatabase({ url: url.toString(), maxConnections: 10 });
  await migrateToLatest(db);
  return {
    url: url.toString(),
    db,
    async drop() {
      await db.destroy();
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

export interface BenchSite {
  bench: BenchDatabase;
  /** The API, in-process, on an ephemeral loopback port, rate limits off. */
  apiUrl: string;
  /** An admin's API token for `Authorization: Bearer`. */
  token: string;
  adminId: string;
}

/**
 * Runs a benchmark against a throwaway database holding a site `bench` and an
 * admin, with the real API started on it; drops everything afterwards.
 */
export async function withBenchSite(run: (site: BenchSite) => Promise<void>): Promise<void> {
  const bench = await createBenchDatabase();
  try {
    await createSite(bench.db, { id: 'bench', name: 'Bench', settings: DEFAULT_SITE_SETTINGS });
    const admin = await createUser(bench.db, { email: 'bench-admin@example.org', passwordHash: 'x', role: 'admin', siteIds: [] });
    const { token, tokenHash } = generateApiToken();
    await createApiToken(bench.db, admin.id, tokenHash);
    const config = loadConfig({ ...process.env, DATABASE_URL: bench.url, PORT: '0', HOST: '127.0.0.1', MODERATO_QUEUE_PREFIX: `bench-${Date.now()}`, MODERATO_RATE_LIMIT: 'off' });
    const api = await startApiServer(config, createLogger({ level: 'silent', service: 'bench' }));
    try {
      await run({ bench, apiUrl: api.url, token, adminId: admin.id });
    } finally {
      await api.close();
    }
  } finally {
    await bench.drop();
  }
}

/** Runs a benchmark's main, exiting 1 with the error if it fails. */
export function runBench(main: () => Promise<void>): void {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
