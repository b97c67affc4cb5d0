import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import { createBatchedLookUp } from './batched-look-up';
import type { Database } from './database';
import { findSites, listSites, type Site } from './sites.repository';

export interface SiteDirectory {
  /** The site: from memory, else from Postgres (a site created since the last reload is found at once). */
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

// An id Postgres did not know is answered "unknown" from memory for a while,
// so posts for a mistyped or made-up site do not each cost a query. Short, so
// that an id asked for just before its site was created soon works; bounded,
// so a flood of random ids cannot grow it without end.
const UNKNOWN_TTL_MS = 2_000;
const UNKNOWN_MAX = 10_000;
// Look-ups of ids not in memory: at most one query in flight, ten a second, 100 ids each.
const LOOK_UP_MAX_WAITING = 100;
const LOOK_UP_MIN_INTERVAL_MS = 100;

/**
 * Every site and its settings, kept in memory and reloaded in the
 * background, so a known site is served without touching Postgres (the
 * intake never waits on it) and settings changes arrive within the interval.
 * An id not in memory is looked up in Postgres (batched and rate-bounded),
 * so a site is usable as soon as `moderato site create` returns.
 * Loading all sites suits a self-hosted install of up to a few thousand.
 */
export function createSiteDirectory({ db, refreshIntervalMs = 2_000, onRefreshError }: SiteDirectoryOptions): SiteDirectory {
  let sites = new Map<string, Site>();
  let inFlight: Promise<void> | undefined;
  const unknown = new LRUCache<string, true>({ max: UNKNOWN_MAX, ttl: UNKNOWN_TTL_MS });

  const load = (): Promise<void> => {
    inFlight ??= listSites(db)
      .then((all) => {
        sites = new Map(all.map((site) => [site.id, site]));
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  const lookUp = createBatchedLookUp<Site>({
    load: async (ids) => {
      const found = new Map((await findSites(db, ids)).map((site) => [site.id, site]));
      for (const id of ids) {
        const site = found.get(id);
        if (site) sites.set(id, site);
        else unknown.set(id, true);
      }
      return found;
    },
    maxWaiting: LOOK_UP_MAX_WAITING,
    minIntervalMs: LOOK_UP_MIN_INTERVAL_MS,
  });

  const timer = setInterval(() => load().catch((error) => onRefreshError?.(error)), refreshIntervalMs);
  timer.unref();

  return {
    async find(siteId) {
      return sites.get(siteId) ?? (unknown.has(siteId) ? undefined : lookUp(siteId));
    },
    refresh: load,
    stop: () => clearInterval(timer),
  };
}
