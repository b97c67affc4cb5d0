import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Logger } from '@moderato/config';
import { createScorer, parseSiteModelWeights, siteModelBundle, type ModelBundle, type Scorer } from '@moderato/core';
import { findSiteModelWeights, type Database, type Site } from '@moderato/db';

/** The scorers one site's comment goes through: live decides; shadow, if any, is stored beside it. */
export interface ScorersForSite {
  live: Scorer;
  shadow?: { version: number; scorer: Scorer };
}

export interface SiteScorers {
  forSite(site: Site): Promise<ScorersForSite>;
}

export interface SiteScorersOptions {
  db: Kysely<Database>;
  base: ModelBundle;
  logger: Logger;
  /** Wraps each scorer made (the worker times them into its metrics). */
  wrap?: (scorer: Scorer) => Scorer;
  /** Site models kept in memory; each is ~1 MB per adjusted language and kind. */
  maxModels?: number;
}

/**
 * Scorers per site model version. A version never changes once trained, so
 * a loaded one is kept (bounded, least recently used first out); which
 * version is live or in shadow comes with the site from the site directory,
 * which reloads every 2 s, so a promotion or rollback reaches every worker
 * within that. A live model that cannot be loaded falls back to the shipped
 * model, logged, rather than stopping the site's comments: the decision
 * records the version it was made under. The load is tried again 30 s later.
 */
export function createSiteScorers({ db, base, logger, wrap = (s) => s, maxModels = 32 }: SiteScorersOptions): SiteScorers {
  const baseScorer = wrap(createScorer(base));
  const loaded = new LRUCache<string, Promise<Scorer | undefined>>({ max: maxModels });
  // A failed load is remembered a while: retried on every comment, it would be a query and an error line each.
  const retryFailedLoadAfterMs = 30_000;

  const load = async (siteId: string, version: number): Promise<Scorer | undefined> => {
    try {
      const stored = await findSiteModelWeights(db, siteId, version);
      if (stored === undefined) throw new Error('no such model');
      return wrap(createScorer(siteModelBundle(base, parseSiteModelWeights(stored), version)));
    } catch (error) {
      logger.error({ siteId, version, err: { message: (error as Error).message } }, 'site model could not be loaded: scoring with the shipped model');
      loaded.set(`${siteId}:${version}`, Promise.resolve(undefined), { ttl: retryFailedLoadAfterMs });
      return undefined;
    }
  };

  const scorerFor = (siteId: string, version: number): Promise<Scorer | undefined> => {
    const key = `${siteId}:${version}`;
    let scorer = loaded.get(key);
    if (!scorer) {
      scorer = load(siteId, version);
      loaded.set(key, scorer);
    }
    return scorer;
  };

  return {
    async forSite(site) {
      const { live, shadow } = site.models;
      const [liveScorer, shadowScorer] = await Promise.all([
        live === null ? undefined : scorerFor(site.id, live),
        shadow === null ? undefined : scorerFor(site.id, shadow),
      ]);
      return { live: liveScorer ?? baseScorer, ...(shadow !== null && shadowScorer ? { shadow: { version: shadow, scorer: shadowScorer } } : {}) };
    },
  };
}
