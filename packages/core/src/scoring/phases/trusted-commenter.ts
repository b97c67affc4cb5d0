import type { Reason } from '../../comment';
import type { ScoringPhase } from '../phase';

/** The reason code a trusted commenter's decision records; the settings preview reads it back. */
export const TRUSTED_COMMENTER = 'trusted-commenter';

/**
 * Trusts an author (same keyed email hash) with `trustAfterApproved`
 * approved comments on the site and none rejected (spam is a rejection too):
 * a score in the models' hold band does not hold them. The reject band, block
 * words, hold words and other hold rules, and premoderation still apply; the
 * bar resets for good at the first rejection. The reason is recorded whenever
 * the author is trusted, not only when it changed the outcome, so that a
 * preview of tighter bands can tell which comments the trust would pass.
 */
export const trustedCommenter: ScoringPhase = ({ settings, authorHistory }) => {
  const required = settings.trustAfterApproved;
  if (required === 0 || !authorHistory || authorHistory.rejected > 0 || authorHistory.approved < required) return undefined;
  const reason: Reason = {
    code: TRUSTED_COMMENTER,
    message: `trusted commenter: ${authorHistory.approved} approved, none rejected; the hold band does not apply`,
    value: authorHistory.approved,
  };
  return { trusted: true, reasons: [reason] };
};
