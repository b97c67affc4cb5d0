import type { Kysely } from 'kysely';
import { parseSiteSettings, type SiteSettings } from '@moderato/core';
import type { Database } from './database';
import type { ArticleSettings } from './sites.repository';

export interface SettingsVersion {
  version: number;
  settings: SiteSettings;
  /** The email of who saved it; null for the version made with the site. */
  changedBy: string | null;
  createdAt: string;
}

/** What a save wrote. */
export interface SavedSettings {
  settings: SiteSettings;
  version: number;
}

/**
 * Saves the next settings version, worked out by `change` from the settings
 * as they are now, all in one transaction that locks the site row. Two
 * owners saving different keys at once therefore both keep their change (the
 * second is applied to the first's result) and get versions n+1 and n+2. A
 * `change` that throws (an invalid patch) saves nothing.
 */
export async function saveSiteSettings(
  db: Kysely<Database>,
  siteId: string,
  change: (current: SiteSettings) => SiteSettings,
  changedBy: string,
): Promise<SavedSettings> {
  return db.transaction().execute(async (trx) => {
    const site = await trx.selectFrom('sites').select(['settings', 'settings_version']).where('id', '=', siteId).forUpdate().executeTakeFirstOrThrow();
    const settings = change(parseSiteSettings(site.settings));
    const version = site.settings_version + 1;
    await trx.updateTable('sites').set({ settings: JSON.stringify(settings), settings_version: version, updated_at: new Date() }).where('id', '=', siteId).execute();
    await trx.insertInto('site_settings_versions').values({ site_id: siteId, version, settings: JSON.stringify(settings), changed_by: changedBy }).execute();
    return { settings, version };
  });
}

/** The newest versions first. */
export async function listSettingsVersions(db: Kysely<Database>, siteId: string, limit = 20): Promise<SettingsVersion[]> {
  const rows = await db
    .selectFrom('site_settings_versions as v')
    .leftJoin('users as u', 'u.id', 'v.changed_by')
    .select(['v.version', 'v.settings', 'u.email', 'v.created_at'])
    .where('v.site_id', '=', siteId)
    .orderBy('v.version', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ version: r.version, settings: parseSiteSettings(r.settings), changedBy: r.email, createdAt: r.created_at.toISOString() }));
}

/** Sets an article's switches (closed, premoderated); unset ones keep their value. */
export async function saveArticleSettings(db: Kysely<Database>, siteId: string, articleId: string, patch: Partial<ArticleSettings>): Promise<ArticleSettings> {
  const row = await db
    .insertInto('article_settings')
    .values({ site_id: siteId, article_id: articleId, closed: patch.closed ?? false, premoderate: patch.premoderate ?? false })
    .onConflict((oc) =>
      oc.columns(['site_id', 'article_id']).doUpdateSet((eb) => ({
        closed: patch.closed ?? eb.ref('article_settings.closed'),
        premoderate: patch.premoderate ?? eb.ref('article_settings.premoderate'),
        updated_at: new Date(),
      })),
    )
    .returning(['closed', 'premoderate'])
    .executeTakeFirstOrThrow();
  return row;
}
