import type { Kysely } from 'kysely';
import type { Database } from './database';
import { listSites, type Site } from './sites.repository';

export interface SiteDirectory {
  /** The site, from memory; an unknown id triggers at most one reload a second. */
  find(siteId: string): Promise<Site | undefined>;
  /** Loads every site now; call once at start. */
  refresh(): Promise<void>;
  /** Stops the periodic reload. */
  stop(): void;
}

export interface SiteDirectoryOptions {
  db: Kysely<Database>;
  /** How often settings changes are picked up. */
  refreshIntervalMs?: number;
  onRefreshError?: (error: unknown) => void;
}

// A burst of posts for unknown sites must not become a burst of queries.
const MISS_RELOAD_MIN_INTERVAL_MS = 1_000;

/**
 * Every site and its settings, kept in memory and reloaded in the
 * background, so a known site is served without touching Postgres (the
 * intake never waits on it) and settings changes arrive within the interval.
 * Loading all sites suits a self-hosted install of up to a few thousand.
 */
export function createSiteDirectory({ db, refreshIntervalMs = 2_000, onRefreshError }: SiteDirectoryOptions): SiteDirectory {
  let sites = new Map<string, Site>();
  let lastLoadAt = 0;
  let inFlight: Promise<void> | undefined;

  const load = (): Promise<void> => {
    inFlight ??= listSites(db)
      .then((all) => {
        sites = new Map(all.map((site) => [site.id, site]));
        lastLoadAt = Date.now();
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  const timer = setInterval(() => load().catch((error) => onRefreshError?.(error)), refreshIntervalMs);
  timer.unref();

  return {
    async find(siteId) {
      const known = sites.get(siteId);
      if (known) return known;
      if (Date.now() - lastLoadAt >= MISS_RELOAD_MIN_INTERVAL_MS) await load();
      return sites.get(siteId);
    },
    refresh: load,
    stop: () => clearInterval(timer),
  };
}
