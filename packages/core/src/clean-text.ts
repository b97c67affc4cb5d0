// C0 controls other than tab, newline and carriage return, and DEL: null
// bytes and their kin are stripped, never stored.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * What intake does to every text field before anything else sees it: lone
 * surrogates (invalid Unicode) become U+FFFD, control characters go, the
 * text is NFC-normalised and trimmed. The CLI applies it too, so it scores
 * exactly what the worker would.
 */
export function cleanText(value: string): string {
  return value.toWellFormed().replace(CONTROL_CHARACTERS, '').normalize('NFC').trim();
}
