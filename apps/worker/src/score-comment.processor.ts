import { type Job, UnrecoverableError } from 'bullmq';
import type { Kysely } from 'kysely';
import type { Logger } from '@moderato/config';
import {
  articleSettingsOf,
  findSite,
  recordShadowDecisions,
  type AuthorContext,
  type AuthorContextQuery,
  type Database,
  type ScoredComment,
  type SiteDirectory,
} from '@moderato/db';
import { scoreCommentPayloadSchema, type ScoreCommentPayload } from '@moderato/queue';
import type { SiteScorers } from './site-scorers';

export interface ScoreCommentProcessorOptions {
  /** The site's live scorer (its site model, or the shipped one) and its shadow, if any. */
  scorers: SiteScorers;
  sites: SiteDirectory;
  db: Kysely<Database>;
  logger: Logger;
  /** The author's history and recent comments (the worker batches these across jobs). */
  lookUpAuthor: (query: AuthorContextQuery) => Promise<AuthorContext>;
  /** Stores the decision, resolving after the commit with whether this call wrote it (batched too). */
  record: (scored: ScoredComment) => Promise<boolean>;
  /** QA: whether an auto-approved comment also goes to the QA list, true with probability `rate` (injected for tests). */
  drawQaSample?: (rate: number) => boolean;
}

// Math.random is enough: the draw needs to be fair, not unpredictable, and is in [0, 1), so rate 0 never draws.
const drawAtRate = (rate: number): boolean => Math.random() < rate;

/**
 * Scores one accepted comment and stores it with its decision. Safe to run
 * twice: the write is keyed by the comment id. Errors from Redis or Postgres
 * propagate so BullMQ retries with backoff; a payload that can never succeed
 * fails at once with UnrecoverableError and stays in the failed set.
 */
export function createScoreCommentProcessor({ scorers, sites, db, logger, lookUpAuthor, record, drawQaSample = drawAtRate }: ScoreCommentProcessorOptions) {
  return async (job: Job<ScoreCommentPayload>): Promise<void> => {
    const startedAt = performance.now();
    const parsed = scoreCommentPayloadSchema.safeParse(job.data);
    if (!parsed.success) {
      // Field paths only: the values may hold personal data.
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].join(', ');
      throw new UnrecoverableError(`payload does not match version ${String((job.data as { v?: unknown })?.v)}: ${fields}`);
    }
    const { comment } = parsed.data;
    // The directory can answer "unknown" from memory (an id it was asked about just before the
    // site existed, or a flood of ids): failing the job is for good, so ask Postgres itself first.
    const site = (await sites.find(comment.siteId)) ?? (await findSite(db, comment.siteId));
    if (!site) throw new UnrecoverableError(`site ${comment.siteId} does not exist`);

    // Recent bodies are for repeat-post detection; they exclude this comment in case a retry already stored it.
    const { authorHistory, recentBodies, recentFingerprints } = await lookUpAuthor({ siteId: comment.siteId, emailHash: comment.emailHash, excludeId: comment.id });
    const settings = articleSettingsOf(site, comment.articleId).premoderate ? { ...site.settings, premoderate: true } : site.settings;
    const input = { body: comment.body, name: comment.name, settings, authorHistory, recentBodies, recentFingerprints };
    const { live, shadow } = await scorers.forSite(site);
    const result = live.score(input);
    // QA: a share of automatic approvals also goes to the QA list; they stay published.
    const qaSample = result.decision === 'approve' && drawQaSample(settings.qaSampleRate);
    const written = await record({ comment, score: result, context: { settingsVersion: site.settingsVersion, authorApprovedBefore: authorHistory.approved }, qaSample });
    // A shadow model's decision is stored beside the real one and never applied.
    if (shadow) {
      const seen = shadow.scorer.score(input);
      await recordShadowDecisions(db, [
        { commentId: comment.id, siteId: comment.siteId, modelVersion: shadow.version, decision: seen.decision, spam: seen.spam, toxicity: seen.toxicity, reasons: seen.reasons },
      ]);
    }
    logger.info(
      {
        jobId: job.id,
        commentId: comment.id,
        siteId: comment.siteId,
        decision: result.decision,
        modelVersion: result.modelVersion,
        spam: Number(result.spam.toFixed(4)),
        toxicity: Number(result.toxicity.toFixed(4)),
        attempt: job.attemptsMade + 1,
        duplicate: !written,
        ms: Number((performance.now() - startedAt).toFixed(2)),
      },
      'comment decided',
    );
  };
}
