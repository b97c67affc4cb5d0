import type { SourceArticle } from './source-comment';

/** Which of the post's names becomes the article id (`--article-from`). */
export type ArticleFrom = 'path' | 'slug' | 'id';
export const ARTICLE_FROM: readonly ArticleFrom[] = ['path', 'slug', 'id'];

/** The longest article id the API takes (articleIdSchema). */
const MAX_ARTICLE_ID = 256;
// WordPress's plain permalinks name the post in the query: https://example.org/?p=123.
const POST_QUERY_KEYS = ['p', 'page_id', 'attachment_id'];

/** Why a comment's article id could not be worked out. */
export class ArticleIdError extends Error {}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The path of a post's URL, percent-decoded, as `location.pathname` shows it
 * decoded: `https://example.org/2019/05/hello/` → `/2019/05/hello/`. A URL
 * that names the post in its query (plain permalinks) keeps that one
 * parameter: `https://example.org/?p=123` → `/?p=123`. Every other part of
 * the query (tracking parameters …) and the fragment are dropped.
 */
export function articlePath(link: string): string {
  if (!URL.canParse(link)) throw new ArticleIdError('the post has no URL (<link>); use --article-from id or slug');
  const url = new URL(link);
  const key = POST_QUERY_KEYS.find((k) => url.searchParams.get(k));
  const query = key ? `?${key}=${url.searchParams.get(key)}` : '';
  return `${safeDecode(url.pathname)}${query}`;
}

/**
 * The article id a comment is stored under, from the post it was written
 * under: the same id the site's embed must pass as `data-article` for the
 * imported thread to appear there.
 */
export function articleIdOf(article: SourceArticle, from: ArticleFrom): string {
  let id: string;
  switch (from) {
    case 'path':
      id = articlePath(article.link);
      break;
    case 'slug':
      id = article.slug;
      if (!id) throw new ArticleIdError('the post has no slug; use --article-from path or id');
      break;
    case 'id':
      id = article.id;
      if (!id) throw new ArticleIdError('the post has no id (an empty <id>); use --article-from path or slug');
      break;
  }
  // eslint-disable-next-line no-control-regex
  if (id.length > MAX_ARTICLE_ID || /[\u0000-\u001F\u007F]/.test(id)) throw new ArticleIdError(`the article id is not 1-${MAX_ARTICLE_ID} printable characters`);
  return id;
}
