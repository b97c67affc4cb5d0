import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '@moderato/db';

/** A comment a moderator labelled, as it is stored. */
export interface LabelledComment {
  body: string;
  spam: boolean | null;
  toxic: boolean | null;
  labelledAt: Date;
  /** Defaults to 'en'. */
  language?: string | null;
}

/** Stands for the moderator: labels record a user id, with no reference to users. */
export const LABELLING_MODERATOR = '00000000-0000-4000-8000-00000000000a';

const CHUNK = 1_000;

/**
 * Stores decided comments and their moderator labels directly, 1,000 per
 * statement: approved when the label is clean, rejected otherwise. Returns
 * the comment ids in the order given.
 */
export async function givenLabelledComments(db: Kysely<Database>, siteId: string, labelled: readonly LabelledComment[]): Promise<string[]> {
  const ids = labelled.map(() => randomUUID());
  for (let start = 0; start < labelled.length; start += CHUNK) {
    const chunk = labelled.slice(start, start + CHUNK).map((label, i) => ({ ...label, id: ids[start + i]! }));
    await db
      .insertInto('comments')
      .values(
        chunk.map((c) => ({
          id: c.id,
          site_id: siteId,
          article_id: 'local-news',
          parent_id: null,
          author_name: 'Reader',
          email_encrypted: 'v1.a.b.c',
          // One author per comment: a single shared hash would make the planner see one author with every comment, and seq-scan every author look-up.
          email_hash: createHash('sha256').update(c.id).digest('hex'),
          body: c.body,
          language: c.language === undefined ? 'en' : c.language,
          status: c.spam === true || c.toxic === true ? 'rejected' : 'approved',
          spam_score: 0,
          toxicity_score: 0,
          reasons: JSON.stringify([]),
          model_version: 'test',
          thresholds: JSON.stringify({}),
          created_at: new Date(c.labelledAt.getTime() - 60_000),
          decided_at: c.labelledAt,
        })),
      )
      .execute();
    await db
      .insertInto('moderation_labels')
      .values(chunk.map((c) => ({ comment_id: c.id, site_id: siteId, spam: c.spam, toxic: c.toxic, labelled_by: LABELLING_MODERATOR, labelled_at: c.labelledAt })))
      .execute();
  }
  return ids;
}
