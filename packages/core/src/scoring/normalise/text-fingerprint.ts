import { createHash } from 'node:crypto';
import { foldText } from './fold-text';

// "Thanks!" and "+1" repeat honestly: shorter texts are never compared.
const MIN_LETTERS = 20;

/**
 * What makes two comments "the same text" for repeat-post detection: the
 * folded letters and digits only, so changed punctuation, case, spacing,
 * emoji or l33t do not make a copy new. A SHA-1 of that (an equality key,
 * not a secret), or '' when there are fewer than 20, which never matches.
 * Stored with each comment, so a new comment is compared with its author's
 * earlier ones without folding them again.
 */
export function textFingerprint(foldedText: string): string {
  const letters = foldedText.replace(/[^\p{L}\p{N}]+/gu, '');
  return letters.length < MIN_LETTERS ? '' : createHash('sha1').update(letters).digest('base64url');
}

/** {@link textFingerprint} of a body as stored. */
export function bodyFingerprint(body: string): string {
  return textFingerprint(foldText(body).text);
}
