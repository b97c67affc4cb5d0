import { loadConfig } from '@moderato/config';
import { createDatabase, ensureDatabaseExists, migrateToLatest } from '@moderato/db';
import { parseOptions } from '../parse-options';

/** Creates the database if needed, then applies every pending migration. */
export async function runMigrations(databaseUrl: string, log: (line: string) => void): Promise<void> {
  if (await ensureDatabaseExists(databaseUrl)) log(`created database ${new URL(databaseUrl).pathname.slice(1)}`);
  const db = createDatabase({ url: databaseUrl, maxConnections: 1 });
  try {
    const results = await migrateToLatest(db);
    for (const result of results) log(`migrated: ${result.migrationName}`);
    if (results.length === 0) log('database is up to date');
  } finally {
    await db.destroy();
  }
}

export async function migrateCommand(args: string[]): Promise<void> {
  parseOptions(args, {});
  await runMigrations(loadConfig().databaseUrl, (line) => console.log(line));
}
