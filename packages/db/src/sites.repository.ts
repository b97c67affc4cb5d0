import type { Kysely } from 'kysely';
import { parseSiteSettings, type SiteSettings } from '@moderato/core';
import type { Database } from './database';

export interface Site {
  id: string;
  name: string;
  settings: SiteSettings;
}

export class SiteExistsError extends Error {
  constructor(readonly siteId: string) {
    super(`site ${siteId} already exists`);
    this.name = 'SiteExistsError';
  }
}

function toSite(row: { id: string; name: string; settings: unknown }): Site {
  return { id: row.id, name: row.name, settings: parseSiteSettings(row.settings) };
}

/** Creates a site; throws SiteExistsError when the id is taken. */
export async function createSite(db: Kysely<Database>, site: Site): Promise<Site> {
  const row = await db
    .insertInto('sites')
    .values({ id: site.id, name: site.name, settings: JSON.stringify(site.settings) })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning(['id', 'name', 'settings'])
    .executeTakeFirst();
  if (!row) throw new SiteExistsError(site.id);
  return toSite(row);
}

export async function findSite(db: Kysely<Database>, siteId: string): Promise<Site | undefined> {
  const row = await db.selectFrom('sites').select(['id', 'name', 'settings']).where('id', '=', siteId).executeTakeFirst();
  return row && toSite(row);
}

/** Every site; the API keeps them in memory so intake never waits on Postgres. */
export async function listSites(db: Kysely<Database>): Promise<Site[]> {
  const rows = await db.selectFrom('sites').select(['id', 'name', 'settings']).orderBy('id').execute();
  return rows.map(toSite);
}
