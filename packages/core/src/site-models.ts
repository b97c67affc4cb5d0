/** Where a site model stands. Only `live` decides; `shadow` is scored beside it and stored, never applied. */
export type SiteModelStatus = 'candidate' | 'shadow' | 'live' | 'retired';
export const SITE_MODEL_STATUSES: readonly SiteModelStatus[] = ['candidate', 'shadow', 'live', 'retired'];

/**
 * How one model's decisions compare with the moderators' labels on the
 * held-out labels (the newest 20 % by time). A label is "clean" when the
 * moderator approved, "bad" when they rejected or marked spam.
 */
export interface HeldOutMetrics {
  labels: number;
  clean: number;
  bad: number;
  /** Share of labels the automatic decision matched: clean approved, bad rejected. */
  agreement: number;
  /** Share of clean comments held or rejected. */
  cleanHeld: number;
  /** Share of bad comments approved. */
  badApproved: number;
  /** ROC-AUC of max(spam, toxicity) against bad; null when the held-out labels have one class only. */
  rocAuc: number | null;
}

/** A candidate's figures beside the model live when it was trained, on the same held-out labels. */
export interface SiteModelMetrics {
  candidate: HeldOutMetrics;
  live: HeldOutMetrics;
  /** The site model live at training time; null: the shipped model. */
  liveVersion: number | null;
}

/** What a site model was trained on. */
export interface SiteModelTrainingData {
  /** Labels given up to this moment (ISO 8601) were read. */
  cutoff: string;
  labels: number;
  trainLabels: number;
  heldOutLabels: number;
  /** Labels given at or after this moment (ISO 8601) were held out. */
  heldOutFrom: string | null;
  /** Per language: training labels of each class and whether an adjustment was learned. */
  languages: Record<string, { spam: { yes: number; no: number; learned: boolean }; toxic: { yes: number; no: number; learned: boolean } }>;
  durationMs: number;
}

/** A site model as listed: everything but its weights. */
export interface SiteModelSummary {
  siteId: string;
  version: number;
  status: SiteModelStatus;
  baseModelVersion: string;
  labelCutoff: string;
  trainingData: SiteModelTrainingData;
  metrics: SiteModelMetrics;
  createdBy: string;
  createdAt: string;
  statusChangedAt: string;
  wentLiveAt: string | null;
}

/** The mistakes a moderator lives with among held-out labels: clean comments held or rejected, and bad comments approved. */
export function heldOutMistakes(metrics: HeldOutMetrics): number {
  return Math.round(metrics.cleanHeld * metrics.clean + metrics.badApproved * metrics.bad);
}

/**
 * A candidate is worse than live when, on the same held-out labels, it makes
 * more of the mistakes a moderator lives with (clean comments held or
 * rejected, bad ones approved), or as many while agreeing with moderators
 * less often. Promoting it then needs `force`, which is audited.
 */
export function isWorseThanLive(metrics: SiteModelMetrics): boolean {
  const candidate = heldOutMistakes(metrics.candidate);
  const live = heldOutMistakes(metrics.live);
  if (candidate !== live) return candidate > live;
  return metrics.candidate.agreement < metrics.live.agreement;
}
