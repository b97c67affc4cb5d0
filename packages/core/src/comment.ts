/** Where a comment stands. `pending`: accepted at intake, not yet decided (never stored). */
export type CommentStatus = 'pending' | 'approved' | 'held' | 'rejected';

/** The statuses a stored comment can have. */
export type StoredCommentStatus = Exclude<CommentStatus, 'pending'>;

/** What the scorer decides for a comment. */
export type Decision = 'approve' | 'hold' | 'reject';

export const STATUS_FOR_DECISION: Readonly<Record<Decision, StoredCommentStatus>> = {
  approve: 'approved',
  hold: 'held',
  reject: 'rejected',
};

/** One thing the scorer noticed, shown to moderators next to the comment. */
export interface Reason {
  /** Stable machine name: `links`, `spam-model`, `toxicity-model`, `threshold`, `premoderate` ... */
  code: string;
  /** One line a moderator can check at a glance. */
  message: string;
  /** The score or count behind the reason, when there is one. */
  value?: number;
  /** Words or n-grams from the comment that triggered it. */
  matches?: string[];
  /** Where those words are in the body as stored (UTF-16 offsets, end exclusive), for highlighting. */
  spans?: TextSpan[];
}

/** A stretch of a comment body: `body.slice(start, end) === text`. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** An author's earlier decided comments, found by the keyed email hash. */
export interface AuthorHistory {
  approved: number;
  rejected: number;
}

/**
 * A comment as accepted at intake, with its personal data already sealed:
 * what travels through Redis to the worker. Plain JSON only.
 */
export interface AcceptedComment {
  id: string;
  siteId: string;
  articleId: string;
  parentId: string | null;
  name: string;
  body: string;
  /** AES-256-GCM sealed; never the clear address. */
  emailEncrypted: string;
  /** Keyed HMAC of the normalised email, for author history. */
  emailHash: string;
  /** Keyed HMAC of the client IP; null when unknown. */
  ipHash: string | null;
  /** ISO 8601 time the intake answered 202. */
  acceptedAt: string;
}
