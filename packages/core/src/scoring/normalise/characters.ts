// The one place that says which characters are invisible, how HTML entities
// decode and what a link or an email address looks like. The models'
// normalisation (text.ts), the rules' folding (fold-text.ts), the link rule
// and the spam signals all read these, so they cannot disagree.

/** Zero-width and invisible format characters used to split a word for a filter (the YouTube data also ends comments with U+FEFF). */
export const INVISIBLE_CLASS = '[\\u00AD\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF]';

/** {@link INVISIBLE_CLASS} as a range check, for loops that read one character at a time. */
export function isInvisible(code: number): boolean {
  return code === 0xad || code === 0x180e || code === 0xfeff || (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2060 && code <= 0x2064);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…',
  ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', pound: '£', euro: '€',
};

/** An HTML entity, numeric or named (its name or number in group 1). */
export const ENTITY_SOURCE = '&(#\\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});';

/** What an entity's name or number (`amp`, `#39`, `#x27`) stands for; undefined for an unknown name. */
export function decodeEntityName(name: string): string | undefined {
  if (name[0] === '#') {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
  }
  return NAMED_ENTITIES[name.toLowerCase()];
}

const TLDS = 'com|net|org|ru|info|biz|xyz|top|io|ly|co|me|tv|gl|be|uk|us|de|online|site|ltd|shop|click|link|store|live';
/**
 * Scheme links, `www.` hosts and bare domains ("bit.ly/x", and "pimpmyviews. com"
 * for the common TLDs only, so "told him. Me too" is not a link). A host has
 * at most five labels before its TLD: an unbounded `(?:\.label)*` backtracks
 * quadratically over "a.b.c.d…" thousands of labels long.
 */
export const LINK_PATTERN = new RegExp(
  `\\b(?:https?:\\/\\/|www\\.)[^\\s<>"']+|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+){0,5}(?:\\.(?:${TLDS})|\\.\\s(?:com|net|org|ru))\\b(?:\\/[^\\s<>"']*)?`,
  'gi',
);

/**
 * An email address. The local part starts only where a run of its characters
 * starts: from `\b` every dot of "a.b.c…" would rescan the rest of the run.
 */
export const EMAIL_PATTERN = /(?<![a-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+){0,5}\.[a-z]{2,}\b/gi;
