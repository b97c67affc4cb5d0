/** The most words one search matches: more only narrows a queue that is already narrow. */
export const MAX_SEARCH_WORDS = 8;

/**
 * The tsquery text for a moderator's search: every word must occur, a word
 * of two characters or more also as the start of a longer one ("moder" finds
 * "moderation"). Each word is quoted, so Postgres splits it as it split the
 * bodies ("example.org", "e-mail") and nothing typed is read as an operator;
 * quotes and backslashes, the only characters special inside the quotes, are
 * dropped, and so is punctuation around a word. Null when no word is left.
 */
export function searchTsQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/\s+/u)
    .map((word) => word.replace(/['\\]/gu, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word.length > 0)
    .slice(0, MAX_SEARCH_WORDS);
  if (words.length === 0) return null;
  // A one-letter prefix would match most of the index; it is matched as a word.
  return words.map((word) => (word.length > 1 ? `'${word}':*` : `'${word}'`)).join(' & ');
}
