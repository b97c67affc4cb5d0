import { importedCommentId, type ImportedComment, type ImportSource, type PersonalDataKeys } from '@moderato/core';
import { ArticleIdError, articleIdOf, type ArticleFrom } from './article-id';
import { htmlToPlainText } from './html-to-plain-text';
import type { SourceComment } from './source-comment';

/** The intake's limit on names; longer imported names are cut, not refused. */
const MAX_NAME = 100;
/** WordPress's own limit on a comment (65,525 bytes); nothing longer is a real comment. */
const MAX_BODY = 65_535;
const MAX_SOURCE_ID = 200;
/** The name WordPress shows for a comment without one. */
export const ANONYMOUS = 'Anonymous';

export interface MappingContext {
  siteId: string;
  source: ImportSource;
  articleFrom: ArticleFrom;
  keys: PersonalDataKeys;
  /** The date of a comment with none, and no post date either: the time of the import. */
  now: Date;
}

/** Why one comment cannot be imported; its message names a field, never a value that may be personal. */
export class EntryError extends Error {}

// WordPress writes `0000-00-00 00:00:00` for "no date".
const WORDPRESS_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

/** A date from an export, read as UTC unless it names its zone; null when absent; an error when unreadable. */
export function parseExportDate(text: string, field: string): Date | null {
  if (text === '' || text.startsWith('0000-00-00')) return null;
  const plain = WORDPRESS_DATE.exec(text);
  const date = plain ? new Date(`${plain.slice(1, 4).join('-')}T${plain.slice(4, 7).join(':')}Z`) : new Date(HAS_ZONE.test(text) ? text : `${text}Z`);
  if (Number.isNaN(date.getTime())) throw new EntryError(`cannot read ${field} (expected YYYY-MM-DD HH:MM:SS or ISO 8601)`);
  return date;
}

/** The comment's own date (UTC, then local time read as UTC), else its post's, else the import's; `undated` when not its own. */
function dateOf(comment: SourceComment, now: Date): { date: Date; undated: boolean } {
  const own = parseExportDate(comment.date, 'the date') ?? parseExportDate(comment.localDate, 'the local date');
  if (own) return { date: own, undated: false };
  return { date: parseExportDate(comment.article.date, 'the post date') ?? now, undated: true };
}

const hasParent = (id: string) => id !== '' && id !== '0';

/** Names are plain text in both systems, but WordPress may keep them entity-encoded; one line, cut to the intake's limit. */
function nameOf(raw: string): string {
  const name = htmlToPlainText(raw).replace(/\s+/g, ' ');
  // Cut in UTF-16 units, as the intake counts, without leaving half a surrogate pair.
  return name.slice(0, MAX_NAME).replace(/[\uD800-\uDBFF]$/, '').trim() || ANONYMOUS;
}

/**
 * Checks one comment read from an export and turns it into what Moderato
 * stores: the article id from the post, the parent mapped to its imported
 * id, the body as plain text, the email sealed and hashed and the IP hashed
 * with the installation's keys (as the intake does). A comment without an
 * email gets an empty sealed one and a hash no other comment shares, so no
 * two anonymous comments count as one author. Throws EntryError.
 */
export function toImportedComment(source: SourceComment, context: MappingContext): { imported: ImportedComment; undated: boolean } {
  const { siteId, keys } = context;
  if (source.xmlErrors.length > 0) throw new EntryError(`malformed XML (${source.xmlErrors[0]})`);
  if (source.sourceId === '') throw new EntryError('the comment has no id');
  if (source.sourceId.length > MAX_SOURCE_ID) throw new EntryError('the comment id is too long');
  if (typeof source.verdict !== 'string') {
    const shown = /^[\w-]{1,20}$/.test(source.verdict.unknown) ? `'${source.verdict.unknown}'` : 'its value';
    throw new EntryError(`the status ${shown} is not one of 1, 0, spam, trash`);
  }
  let articleId: string;
  try {
    articleId = articleIdOf(source.article, context.articleFrom);
  } catch (error) {
    if (error instanceof ArticleIdError) throw new EntryError(error.message);
    throw error;
  }
  const body = htmlToPlainText(source.html);
  if (body === '') throw new EntryError('the comment has no text');
  if (body.length > MAX_BODY) throw new EntryError(`the comment is longer than ${MAX_BODY} characters`);
  const { date, undated } = dateOf(source, context.now);
  const id = importedCommentId(siteId, context.source, source.sourceId);
  const email = source.authorEmail.trim();
  const parentId = hasParent(source.parentSourceId) && source.parentSourceId !== source.sourceId ? importedCommentId(siteId, context.source, source.parentSourceId) : null;

  return {
    undated,
    imported: {
      source: context.source,
      sourceId: source.sourceId,
      verdict: source.verdict,
      comment: {
        id,
        siteId,
        articleId,
        parentId,
        name: nameOf(source.authorName),
        body,
        emailEncrypted: keys.encryptEmail(email),
        emailHash: email ? keys.hashEmail(email) : `none:${id}`,
        ipHash: source.authorIp ? keys.hashIp(source.authorIp) : null,
        acceptedAt: date.toISOString(),
      },
    },
  };
}
