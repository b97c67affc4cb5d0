import type { StoredCommentStatus } from './comment';
import type { ModerationAction } from './moderation';

/** A moderator's check of a QA sample: 'ok', the approval was right; 'spam' / 'toxic', it should not have passed. */
export type QaVerdict = 'ok' | 'spam' | 'toxic';
export const QA_VERDICTS: readonly QaVerdict[] = ['ok', 'spam', 'toxic'];

/** Which samples a QA list shows: not yet checked, checked, or both. */
export type QaListStatus = 'pending' | 'reviewed' | 'all';
export const QA_LIST_STATUSES: readonly QaListStatus[] = ['pending', 'reviewed', 'all'];

/** Whether a verdict counts as a bad comment that was approved. */
export const isBadVerdict = (verdict: QaVerdict): boolean => verdict !== 'ok';

/**
 * What a verdict does to the comment, through the moderators' own path: spam
 * is rejected and labelled spam, toxic is rejected and labelled toxic (the
 * reject button's label); ok leaves it published (its clean label is
 * written apart, since approving an approved comment would move nothing).
 */
export function actionForVerdict(verdict: QaVerdict): ModerationAction | null {
  switch (verdict) {
    case 'ok':
      return null;
    case 'spam':
      return 'spam';
    case 'toxic':
      return 'reject';
  }
}

/** One auto-approved comment drawn for QA, as the dashboard lists it. */
export interface QaSample {
  commentId: string;
  articleId: string;
  parentId: string | null;
  authorName: string;
  body: string;
  /** Where the comment stands now: approved unless someone acted on it since. */
  status: StoredCommentStatus;
  spamScore: number;
  toxicityScore: number;
  /** ISO 8601: when the comment was decided (a moderator's later action moves it). */
  decidedAt: string;
  /** ISO 8601: when it was drawn, with its automatic approval. */
  sampledAt: string;
  verdict: QaVerdict | null;
  /** The reviewer's staff email (their user id if the account is gone); null until checked. */
  reviewedBy: string | null;
  reviewedAt: string | null;
}
