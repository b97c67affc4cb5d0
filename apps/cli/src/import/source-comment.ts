import type { ImportVerdict } from '@moderato/core';

/** The article a comment was written under, as the old system named it. */
export interface SourceArticle {
  /** The post's URL (WordPress `<link>`, Disqus `<thread><link>`); '' when the export has none. */
  link: string;
  /** WordPress `<wp:post_name>`; for Disqus, taken from the link. */
  slug: string;
  /** WordPress `<wp:post_id>`; Disqus `<thread><id>` (the `disqus_identifier`). */
  id: string;
  /** When the post was published, as written in the export; the date of a comment that has none. */
  date: string;
}

/**
 * One comment as read from an export, nothing checked or converted yet:
 * the mapper (source-comment.mapper.ts) validates it and seals its
 * personal data. Fields the export lacks are ''.
 */
export interface SourceComment {
  /** 1-based line where the comment starts in the file. */
  line: number;
  sourceId: string;
  /** '' or '0' for a top-level comment. */
  parentSourceId: string;
  article: SourceArticle;
  authorName: string;
  authorEmail: string;
  authorIp: string;
  /** UTC unless it says otherwise. */
  date: string;
  /** A second, local-time date (WordPress `comment_date`), used when `date` is missing. */
  localDate: string;
  /** The body as the export has it: HTML, or text with line breaks. */
  html: string;
  /** The old system's verdict, or the raw value when it is none of the known ones. */
  verdict: ImportVerdict | { unknown: string };
  /** WordPress `comment_type`: '' or 'comment' for comments; pingbacks, trackbacks and plugins' notes are not imported. */
  type: string;
  /** The entry's XML was malformed here: it is reported, not imported. */
  xmlErrors: string[];
}

/** Something in the file that could not be imported, and where it is. Never quotes personal data. */
export interface ImportError {
  line: number;
  /** Which entry: `comment 17`, `post 4821`; null for the file as a whole. */
  entry: string | null;
  error: string;
}

/** What a reader finds: a comment, or an error at a place in the file. */
export type SourceEvent = { kind: 'comment'; comment: SourceComment } | { kind: 'error'; error: ImportError };
