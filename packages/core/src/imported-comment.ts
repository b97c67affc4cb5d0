import { createHash } from 'node:crypto';
import type { AcceptedComment, StoredCommentStatus } from './comment';
import { labelForAction, type ModerationLabel } from './moderation';

/** The systems `moderato import` reads. */
export type ImportSource = 'wordpress' | 'disqus';
export const IMPORT_SOURCES: readonly ImportSource[] = ['wordpress', 'disqus'];

/**
 * What the old system had decided about a comment. WordPress: `1` approved,
 * `0` pending, `spam`, `trash`; Disqus: `isSpam` spam, `isDeleted` deleted,
 * anything else approved.
 */
export type ImportVerdict = 'approved' | 'pending' | 'spam' | 'trash' | 'deleted';
export const IMPORT_VERDICTS: readonly ImportVerdict[] = ['approved', 'pending', 'spam', 'trash', 'deleted'];

export const STATUS_FOR_VERDICT: Readonly<Record<ImportVerdict, StoredCommentStatus>> = {
  approved: 'approved',
  // Nobody decided it: it waits in the review queue, as it did in the old system.
  pending: 'held',
  spam: 'rejected',
  trash: 'rejected',
  deleted: 'rejected',
};

/**
 * The training label a verdict gives, as the dashboard's button of the same
 * meaning would: approved is "approve", spam is "spam", trash and deleted are
 * "reject". A pending comment had no verdict, so it gets no label.
 */
export function labelForVerdict(verdict: ImportVerdict): ModerationLabel | null {
  switch (verdict) {
    case 'approved':
      return labelForAction('approve');
    case 'spam':
      return labelForAction('spam');
    case 'trash':
    case 'deleted':
      return labelForAction('reject');
    case 'pending':
      return null;
  }
}

/**
 * The comment id an imported comment gets: a UUID derived from (site,
 * source, id in the source), the same on every run. A reply's parent id is
 * therefore known without looking the parent up, whichever of the two comes
 * first in the file, and a second import of the same file finds the same ids.
 * Shaped as an RFC 9562 version 8 (custom) UUID.
 */
export function importedCommentId(siteId: string, source: ImportSource, sourceId: string): string {
  const bytes = createHash('sha256').update(`moderato-import\0${siteId}\0${source}\0${sourceId}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** One comment read from an export, ready to store: personal data already sealed and hashed. */
export interface ImportedComment {
  comment: AcceptedComment;
  source: ImportSource;
  /** The comment's id in the old system: the import's idempotency key, with the site and source. */
  sourceId: string;
  verdict: ImportVerdict;
}
