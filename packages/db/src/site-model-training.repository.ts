import { sql, type Kysely } from 'kysely';
import {
  parseSiteModelWeights,
  type SiteModelMetrics,
  type SiteModelTrainingData,
  type SiteModelWeights,
  type TrainingLabel,
} from '@moderato/core';
import type { Database } from './database';

/**
 * The most labels one training reads, newest first: a site's recent policy,
 * and a bound on what training costs the worker (50,000 labels: ~10 s of
 * CPU, ~300 MB of memory while it runs; scripts/bench/site-training.bench.ts).
 */
export const MAX_TRAINING_LABELS = 50_000;

/**
 * A site's moderator labels given up to `cutoff`, with the text of their
 * comments, oldest first; at most `limit`, the newest. Erased comments are
 * left out (their text is a placeholder). A comment has one label, the latest
 * moderator action on it (moderation_labels is keyed by comment).
 */
export async function listTrainingLabels(db: Kysely<Database>, siteId: string, cutoff: Date, { limit = MAX_TRAINING_LABELS } = {}): Promise<TrainingLabel[]> {
  const rows = await db
    .selectFrom('moderation_labels as l')
    .innerJoin('comments as c', 'c.id', 'l.comment_id')
    .select(['c.id', 'c.body', 'c.language', 'l.spam', 'l.toxic', 'l.labelled_at'])
    .where('l.site_id', '=', siteId)
    .where('c.site_id', '=', siteId)
    .where('l.labelled_at', '<=', cutoff)
    .where('c.erased_at', 'is', null)
    .where((eb) => eb.or([eb('l.spam', 'is not', null), eb('l.toxic', 'is not', null)]))
    .orderBy('l.labelled_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse().map((r) => ({ id: r.id, body: r.body, language: r.language, spam: r.spam, toxic: r.toxic, labelledAt: r.labelled_at }));
}

/** The site model deciding a site's comments now, with its weights; null when the shipped model decides. */
export async function findLiveSiteModelWeights(db: Kysely<Database>, siteId: string): Promise<{ version: number; weights: SiteModelWeights } | null> {
  const row = await db.selectFrom('site_models').select(['version', 'weights']).where('site_id', '=', siteId).where('status', '=', 'live').executeTakeFirst();
  return row ? { version: row.version, weights: parseSiteModelWeights(row.weights) } : null;
}

export interface NewSiteModelCandidate {
  siteId: string;
  baseModelVersion: string;
  labelCutoff: Date;
  trainingData: SiteModelTrainingData;
  metrics: SiteModelMetrics;
  weights: SiteModelWeights;
  /** Who asked: a staff user id, `cli:<user>` or `system:nightly`. */
  createdBy: string;
}

export class SiteNotFoundError extends Error {
  constructor(readonly siteId: string) {
    super(`no such site: ${siteId}`);
    this.name = 'SiteNotFoundError';
  }
}

/**
 * Stores a trained model as the site's next version, status `candidate`, and
 * audits it (`train`), in one transaction. The site's row is locked first, so
 * two trainings finishing at once number their models one after the other.
 * Returns the version.
 */
export async function insertSiteModelCandidate(db: Kysely<Database>, candidate: NewSiteModelCandidate): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const site = await trx.selectFrom('sites').select('id').where('id', '=', candidate.siteId).forUpdate().executeTakeFirst();
    if (!site) throw new SiteNotFoundError(candidate.siteId);
    const { latest } = await trx
      .selectFrom('site_models')
      .select((eb) => eb.fn.max('version').as('latest'))
      .where('site_id', '=', candidate.siteId)
      .executeTakeFirstOrThrow();
    const version = (latest ?? 0) + 1;
    await trx
      .insertInto('site_models')
      .values({
        site_id: candidate.siteId,
        version,
        status: 'candidate',
        base_model_version: candidate.baseModelVersion,
        label_cutoff: candidate.labelCutoff,
        training_data: JSON.stringify(candidate.trainingData),
        metrics: JSON.stringify(candidate.metrics),
        weights: JSON.stringify(candidate.weights),
        created_by: candidate.createdBy,
      })
      .execute();
    const { metrics, trainingData } = candidate;
    await trx
      .insertInto('site_model_events')
      .values({
        site_id: candidate.siteId,
        version,
        action: 'train',
        actor: candidate.createdBy,
        details: JSON.stringify({
          labels: trainingData.labels,
          heldOutLabels: trainingData.heldOutLabels,
          agreement: metrics.candidate.agreement,
          liveAgreement: metrics.live.agreement,
          liveVersion: metrics.liveVersion,
        }),
      })
      .execute();
    return version;
  });
}

/**
 * Sites with at least `minNewLabels` labels given after the cutoff of their
 * newest model (any label, for a site without one): what the nightly run
 * trains. Counting stops at `minNewLabels`, so a busy site costs no more
 * than a quiet one.
 */
export async function listSitesDueForTraining(db: Kysely<Database>, minNewLabels: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select s.id from sites s
    where (
      select count(*) from (
        select 1 from moderation_labels l
        where l.site_id = s.id
          and l.labelled_at > coalesce((select max(m.label_cutoff) from site_models m where m.site_id = s.id), '-infinity')
        limit ${minNewLabels}
      ) recent
    ) >= ${minNewLabels}
    order by s.id`.execute(db);
  return rows.map((r) => r.id);
}
