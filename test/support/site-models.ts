import type { Kysely } from 'kysely';
import type { HeldOutMetrics, SiteModelMetrics, SiteModelStatus, SiteModelWeights } from '@moderato/core';
import type { Database } from '@moderato/db';

/** Held-out figures with this agreement (the rest plausible). */
export function heldOut(agreement: number, overrides: Partial<HeldOutMetrics> = {}): HeldOutMetrics {
  return { labels: 120, clean: 90, bad: 30, agreement, cleanHeld: 0.05, badApproved: 0.1, rocAuc: 0.9, ...overrides };
}

/**
 * A stored site model, as training leaves one (status candidate unless told):
 * for tests of what happens after training, without training.
 */
export async function givenSiteModel(
  db: Kysely<Database>,
  siteId: string,
  version: number,
  options: { metrics?: SiteModelMetrics; weights?: SiteModelWeights; status?: SiteModelStatus } = {},
): Promise<void> {
  const metrics = options.metrics ?? { candidate: heldOut(0.9), live: heldOut(0.8), liveVersion: null };
  await db
    .insertInto('site_models')
    .values({
      site_id: siteId,
      version,
      status: options.status ?? 'candidate',
      base_model_version: 'test-base',
      label_cutoff: new Date(),
      training_data: JSON.stringify({ cutoff: new Date().toISOString(), labels: 600, trainLabels: 480, heldOutLabels: 120, heldOutFrom: null, languages: {}, durationMs: 1 }),
      metrics: JSON.stringify(metrics),
      weights: JSON.stringify(options.weights ?? {}),
      created_by: 'test',
    })
    .execute();
}
