import { foldCodePoint, LEET } from './lookalikes';

/**
 * A comment folded for rule matching, with a map back to the body as stored:
 * `origin[i]` is the index in the body of the character that produced
 * `text[i]`, and `originEnd[i]` the index just after it, so any span of the
 * folded text names a span of the body a moderator can highlight.
 */
export interface FoldedText {
  text: string;
  /** Absent when folding kept every character in place (plain ASCII): the identity map. */
  origin?: Int32Array;
  originEnd?: Int32Array;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const ENTITY_AT = /^&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/i;
// Zero-width and invisible format characters used to split a word for a filter.
const INVISIBLE = /^[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]$/;

function decodeEntityAt(body: string, at: number): { text: string; length: number } | undefined {
  const match = ENTITY_AT.exec(body.slice(at, at + 12));
  if (!match) return undefined;
  const name = match[1]!;
  if (name[0] === '#') {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return { text: code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ', length: match[0].length };
  }
  const text = NAMED_ENTITIES[name.toLowerCase()];
  return text === undefined ? undefined : { text, length: match[0].length };
}

const LETTER = /\p{L}/u;
// Numbers with a unit or ordinal ("1st", "4th", "£1000prize", "64gb") are not l33t.
const NUMBER_LIKE = /\d{3,}|^\d+(?:st|nd|rd|th|s|am|pm|k|m|x|g|gb|mb|kg|km|cm|mm|ml|p|v)$/;
const RUN = /(?<![\p{L}\p{N}@$!|+])[\p{L}\p{N}@$!|+]*[\p{N}@$!|+][\p{L}\p{N}@$!|+]*/gu;
const TRAILING_BANGS = /!+$/;

// l33t only inside runs that hold a real letter, and never for trailing "!"
// (an exclamation mark, not an i). Every substitution is one character for
// one, so the origin map stays valid.
function unleetRun(run: string): string {
  const bangs = TRAILING_BANGS.exec(run)?.[0] ?? '';
  const core = run.slice(0, run.length - bangs.length);
  if (!LETTER.test(core) || NUMBER_LIKE.test(core)) return run;
  let out = '';
  for (const c of core) out += LEET[c] ?? c;
  return out + bangs;
}

const PLAIN = /^[\x00-\x25\x27-\x7f]*$/;

/**
 * Folds a body for matching: HTML entities decoded, invisible characters
 * dropped, NFKC, lower case, diacritics stripped, look-alikes and l33t
 * mapped. One input character may yield several output characters and
 * vice versa; the origin arrays keep track. Repeated letters and spacing
 * are left in place: the matchers allow for them, so spans stay exact.
 */
export function foldText(body: string): FoldedText {
  if (lastBody === body && lastFolded) return lastFolded;
  lastFolded = PLAIN.test(body) ? foldPlain(body) : foldAny(body);
  lastBody = body;
  return lastFolded;
}

// The phases and both models fold the same body back to back; one entry is enough.
let lastBody: string | undefined;
let lastFolded: FoldedText | undefined;

// ASCII without entities, the common case: one character in, one out.
function foldPlain(body: string): FoldedText {
  return { text: body.toLowerCase().replace(RUN, unleetRun) };
}

function foldAny(body: string): FoldedText {
  const chars: string[] = [];
  const origin: number[] = [];
  const originEnd: number[] = [];
  let at = 0;
  while (at < body.length) {
    const entity = body[at] === '&' ? decodeEntityAt(body, at) : undefined;
    const codePoint = body.codePointAt(at) ?? 0;
    const width = entity ? entity.length : codePoint > 0xffff ? 2 : 1;
    const raw = entity ? entity.text : body.slice(at, at + width);
    if (codePoint < 0xad || !INVISIBLE.test(raw)) {
      for (const c of foldCodePoint(raw)) {
        chars.push(c);
        origin.push(at);
        originEnd.push(at + width);
      }
    }
    at += width;
  }
  return { text: chars.join('').replace(RUN, unleetRun), origin: Int32Array.from(origin), originEnd: Int32Array.from(originEnd) };
}

/** Maps a span of folded text back to the body: `{start, end, text}` with `end` exclusive. */
export function spanInBody(body: string, folded: FoldedText, start: number, end: number): { start: number; end: number; text: string } {
  const from = folded.origin ? (folded.origin[start] ?? body.length) : start;
  const to = folded.originEnd ? (folded.originEnd[end - 1] ?? from) : end;
  return { start: from, end: to, text: body.slice(from, to) };
}
