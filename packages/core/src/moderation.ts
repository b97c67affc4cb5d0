import type { StoredCommentStatus } from './comment';

/** Staff roles: admins see every site; owners tune and moderate theirs; moderators only moderate. */
export type UserRole = 'admin' | 'owner' | 'moderator';
export const USER_ROLES: readonly UserRole[] = ['admin', 'owner', 'moderator'];

/** What a moderator can do to a comment. */
export type ModerationAction = 'approve' | 'reject' | 'spam';
export const MODERATION_ACTIONS: readonly ModerationAction[] = ['approve', 'reject', 'spam'];

/** Where each action leaves the comment. `spam` is a rejection that also labels it spam. */
export const STATUS_AFTER_ACTION: Readonly<Record<ModerationAction, StoredCommentStatus>> = {
  approve: 'approved',
  reject: 'rejected',
  spam: 'rejected',
};

/** A training label; null means the action says nothing about that class. */
export interface ModerationLabel {
  spam: boolean | null;
  toxic: boolean | null;
}

/**
 * How a moderator's action becomes a label for the scorers: approving says
 * "neither spam nor toxic"; `spam` says spam; `reject` is the button for
 * abuse (spam has its own), so it says toxic.
 */
export function labelForAction(action: ModerationAction): ModerationLabel {
  switch (action) {
    case 'approve':
      return { spam: false, toxic: false };
    case 'spam':
      return { spam: true, toxic: null };
    case 'reject':
      return { spam: null, toxic: true };
  }
}
