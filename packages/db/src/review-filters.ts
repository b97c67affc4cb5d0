import { sql, type RawBuilder } from 'kysely';
import { searchTsQuery } from './body-search';

/** The language filter's choices: the two languages with models, any other detected one, none recognised. */
export const REVIEW_LANGUAGES = ['en', 'ru', 'other', 'und'] as const;
export type ReviewLanguage = (typeof REVIEW_LANGUAGES)[number];

/** Narrowing a queue page; every filter given must hold. */
export interface ReviewFilters {
  articleId?: string;
  /** 'other': a detected language without a model; comments decided before detection existed match none. */
  language?: ReviewLanguage;
  /** A reason code recorded with the decision ('links', 'spam-model' ...). */
  reason?: string;
  /** Words of the body (see searchTsQuery). */
  search?: string;
}

/** The filters as conditions on `comments as c`; none when no filter is set. */
export function filterConditions(filters: ReviewFilters = {}): RawBuilder<boolean>[] {
  const conditions: RawBuilder<boolean>[] = [];
  if (filters.articleId !== undefined) conditions.push(sql<boolean>`c.article_id = ${filters.articleId}`);
  if (filters.language === 'other') conditions.push(sql<boolean>`c.language not in ('en', 'ru', 'und')`);
  else if (filters.language !== undefined) conditions.push(sql<boolean>`c.language = ${filters.language}`);
  if (filters.reason !== undefined) conditions.push(sql<boolean>`c.reasons @> ${JSON.stringify([{ code: filters.reason }])}::jsonb`);
  if (filters.search !== undefined) {
    const tsQuery = searchTsQuery(filters.search);
    // Nothing searchable (punctuation alone) finds nothing, rather than everything.
    conditions.push(tsQuery === null ? sql<boolean>`false` : sql<boolean>`c.body_search @@ to_tsquery('simple', ${tsQuery})`);
  }
  return conditions;
}
