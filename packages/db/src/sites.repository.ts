import type { Kysely } from 'kysely';
import { parseSiteSettings, type SiteSettings } from '@moderato/core';
import type { Database } from './database';
import { activeSiteModelVersions } from './site-models.repository';

/** Per-article switches an owner can set. */
export interface ArticleSettings {
  /** New comments are refused. */
  closed: boolean;
  /** Every comment on the article is held for review. */
  premoderate: boolean;
}

export interface Site {
  id: string;
  name: string;
  settings: SiteSettings;
  /** Bumped by every settings change; recorded with each decision. */
  settingsVersion: number;
  /** Articles with switches set; the rest have none. */
  articles: Record<string, ArticleSettings>;
  /** The site model that decides (null: the shipped model) and the one scored beside it in shadow. */
  models: SiteModelVersions;
}

export interface SiteModelVersions {
  live: number | null;
  shadow: number | null;
}

const NO_SITE_MODELS: SiteModelVersions = { live: null, shadow: null };

export class SiteExistsError extends Error {
  constructor(readonly siteId: string) {
    super(`site ${siteId} already exists`);
    this.name = 'SiteExistsError';
  }
}

type SiteRow = { id: string; name: string; settings: unknown; settings_version: number };

async function articleSettingsBySite(db: Kysely<Database>, siteIds?: string[]): Promise<Map<string, Record<string, ArticleSettings>>> {
  let query = db.selectFrom('article_settings').select(['site_id', 'article_id', 'closed', 'premoderate']);
  if (siteIds) query = query.where('site_id', 'in', siteIds);
  const bySite = new Map<string, Record<string, ArticleSettings>>();
  for (const row of siteIds?.length === 0 ? [] : await query.execute()) {
    const articles = bySite.get(row.site_id) ?? {};
    articles[row.article_id] = { closed: row.closed, premoderate: row.premoderate };
    bySite.set(row.site_id, articles);
  }
  return bySite;
}

function toSite(row: SiteRow, articles: Record<string, ArticleSettings> = {}, models: SiteModelVersions = NO_SITE_MODELS): Site {
  return { id: row.id, name: row.name, settings: parseSiteSettings(row.settings), settingsVersion: row.settings_version, articles, models };
}

/** Creates a site with its first settings version; throws SiteExistsError when the id is taken. */
export async function createSite(db: Kysely<Database>, site: { id: string; name: string; settings: SiteSettings }): Promise<Site> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('sites')
      .values({ id: site.id, name: site.name, settings: JSON.stringify(site.settings), settings_version: 1 })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning(['id', 'name', 'settings', 'settings_version'])
      .executeTakeFirst();
    if (!row) throw new SiteExistsError(site.id);
    await trx.insertInto('site_settings_versions').values({ site_id: site.id, version: 1, settings: JSON.stringify(site.settings), changed_by: null }).execute();
    return toSite(row);
  });
}

export async function findSite(db: Kysely<Database>, siteId: string): Promise<Site | undefined> {
  return (await findSites(db, [siteId]))[0];
}

/** The sites among these ids that exist; one query when none does. */
export async function findSites(db: Kysely<Database>, siteIds: string[]): Promise<Site[]> {
  if (siteIds.length === 0) return [];
  const rows = await db.selectFrom('sites').select(['id', 'name', 'settings', 'settings_version']).where('id', 'in', siteIds).orderBy('id').execute();
  const ids = rows.map((row) => row.id);
  const [articles, models] = await Promise.all([articleSettingsBySite(db, ids), activeSiteModelVersions(db, ids)]);
  return rows.map((row) => toSite(row, articles.get(row.id), models.get(row.id)));
}

/** Every site; the API keeps them in memory so intake never waits on Postgres. */
export async function listSites(db: Kysely<Database>): Promise<Site[]> {
  const [rows, articles, models] = await Promise.all([
    db.selectFrom('sites').select(['id', 'name', 'settings', 'settings_version']).orderBy('id').execute(),
    articleSettingsBySite(db),
    activeSiteModelVersions(db),
  ]);
  return rows.map((row) => toSite(row, articles.get(row.id), models.get(row.id)));
}

/** The switches of one article, none set when it has no row. */
export function articleSettingsOf(site: Site, articleId: string): ArticleSettings {
  return site.articles[articleId] ?? { closed: false, premoderate: false };
}
