import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Reason, StoredCommentStatus } from '@moderato/core';

export interface CommentsTable {
  id: string;
  site_id: string;
  article_id: string;
  parent_id: string | null;
  author_name: string;
  email_encrypted: string;
  email_hash: string;
  ip_hash: string | null;
  body: string;
  /** textFingerprint of the folded body ('' when too short to compare); null for comments stored before it existed. */
  body_fingerprint: ColumnType<string | null, string | null | undefined, string | null>;
  /** The language the scorer detected (ISO 639-1 or 'und'); null for comments decided before detection existed. */
  language: ColumnType<string | null, string | null | undefined, string | null>;
  /** The body's words for search: to_tsvector('simple', body), kept by Postgres (a generated column). */
  body_search: ColumnType<string, never, never>;
  status: StoredCommentStatus;
  spam_score: number;
  toxicity_score: number;
  reasons: JSONColumnType<Reason[]>;
  model_version: string;
  thresholds: JSONColumnType<Record<string, unknown>>;
  /** The site settings version the automatic decision was made under. */
  settings_version: ColumnType<number | null, number | null | undefined, never>;
  /** The author's approved comments before this one, when the worker decided it. */
  author_approved_before: ColumnType<number | null, number | null | undefined, never>;
  /** When the intake accepted the comment. */
  created_at: ColumnType<Date, Date | string, never>;
  decided_at: ColumnType<Date, Date | string, Date | string>;
  updated_at: Generated<Date>;
  /** When the author's comments were erased (placeholder mode); null otherwise. */
  erased_at: ColumnType<Date | null, never, Date | string | null>;
  /** The reasons' codes as JSON text ('["links"]'), kept by Postgres (a generated column) for the overview index. */
  reason_codes: ColumnType<string, never, never>;
}
