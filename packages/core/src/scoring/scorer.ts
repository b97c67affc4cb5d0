import type { AuthorHistory, Decision, Reason } from '../comment';
import type { ScoreBands, SiteSettings } from '../site-settings';

/** What the scorer reads of one comment. */
export interface ScoringInput {
  body: string;
  name: string;
  settings: SiteSettings;
  authorHistory?: AuthorHistory;
  /** The author's other recent bodies on this site (e.g. last 24 h, at most 20), newest first. */
  recentBodies?: readonly string[];
  /** The same comments as stored fingerprints (bodyFingerprint); either or both may be given. */
  recentFingerprints?: readonly string[];
}

/** Everything recorded with a decision, so a later re-tune can be explained. */
export interface ScoreResult {
  spam: number;
  toxicity: number;
  decision: Decision;
  reasons: Reason[];
  modelVersion: string;
  thresholds: { spam: ScoreBands; toxicity: ScoreBands };
  /** The body's fingerprint (textFingerprint of the folded body), for later repeat-post checks. */
  fingerprint: string;
  /** ISO 639-1 code of the body's language as detected ('en', 'ru', 'kk', …), or 'und' when it cannot be told. */
  language: string;
}

/**
 * The one interface the worker and the CLI score through. Swapping models or
 * phases changes what is behind it, never its callers.
 */
export interface Scorer {
  readonly modelVersion: string;
  score(input: ScoringInput): ScoreResult;
}
