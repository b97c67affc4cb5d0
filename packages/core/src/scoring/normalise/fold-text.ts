import { decodeEntityName, ENTITY_SOURCE, isInvisible } from './characters';
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

const ENTITY_AT = new RegExp(`^${ENTITY_SOURCE}`, 'i');

function decodeEntityAt(body: string, at: number): { text: string; length: number } | undefined {
  const match = ENTITY_AT.exec(body.slice(at, at + 12));
  const text = match ? decodeEntityName(match[1]!) : undefined;
  return text === undefined ? undefined : { text, length: match![0].length };
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
// l33t needs a digit or one of @$!|+; most comments have none, and the run
// pattern's Unicode classes cost more than the rest of folding.
const LEET_CHARACTER = /[\d@$!|+]/;
const unleet = (text: string): string => (LEET_CHARACTER.test(text) ? text.replace(RUN, unleetRun) : text);

/**
 * Folds a body for matching: HTML entities decoded, invisible characters
 * dropped, NFKC, lower case, diacritics stripped, look-alikes and l33t
 * mapped. One input character may yield several output characters and
 * vice versa; the origin arrays keep track. Repeated letters and spacing
 * are left in place: the matchers allow for them, so spans stay exact.
 */
export function foldText(body: string): FoldedText {
  return PLAIN.test(body) ? foldPlain(body) : foldAny(body);
}

// ASCII without entities, the common case: one character in, one out.
function foldPlain(body: string): FoldedText {
  return { text: unleet(body.toLowerCase()) };
}

// Folding one code point costs three Unicode normalisations; comments reuse
// a small alphabet (a Russian comment ~60 letters), so each is worked out
// once. A pure memo of a pure function: output never depends on it.
const FOLD_MEMO_LIMIT = 20_000;
const foldedCodePoints = new Map<number, string>();

function foldCached(codePoint: number, raw: string): string {
  let folded = foldedCodePoints.get(codePoint);
  if (folded === undefined) {
    if (foldedCodePoints.size >= FOLD_MEMO_LIMIT) foldedCodePoints.clear();
    folded = foldCodePoint(raw);
    foldedCodePoints.set(codePoint, folded);
  }
  return folded;
}

function foldAny(body: string): FoldedText {
  let out = '';
  // Most characters fold to one; the arrays grow only for the rare expansion ("ﬁ" → "fi").
  let origin: Int32Array<ArrayBuffer> = new Int32Array(body.length + 8);
  let originEnd: Int32Array<ArrayBuffer> = new Int32Array(body.length + 8);
  let length = 0;
  let at = 0;
  while (at < body.length) {
    const entity = body.charCodeAt(at) === 38 ? decodeEntityAt(body, at) : undefined;
    const codePoint = body.codePointAt(at) ?? 0;
    const width = entity ? entity.length : codePoint > 0xffff ? 2 : 1;
    let folded: string;
    if (entity) folded = foldCodePoint(entity.text);
    else if (codePoint < 0x80) folded = codePoint >= 65 && codePoint <= 90 ? String.fromCharCode(codePoint + 32) : body[at]!;
    else folded = isInvisible(codePoint) ? '' : foldCached(codePoint, body.slice(at, at + width));
    if (length + folded.length > origin.length) {
      origin = grow(origin, length + folded.length);
      originEnd = grow(originEnd, length + folded.length);
    }
    for (let k = 0; k < folded.length; k += 1) {
      origin[length] = at;
      originEnd[length] = at + width;
      length += 1;
    }
    out += folded;
    at += width;
  }
  return { text: unleet(out), origin: origin.subarray(0, length), originEnd: originEnd.subarray(0, length) };
}

function grow(array: Int32Array, needed: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** Maps a span of folded text back to the body: `{start, end, text}` with `end` exclusive. */
export function spanInBody(body: string, folded: FoldedText, start: number, end: number): { start: number; end: number; text: string } {
  const from = folded.origin ? (folded.origin[start] ?? body.length) : start;
  const to = folded.originEnd ? (folded.originEnd[end - 1] ?? from) : end;
  return { start: from, end: to, text: body.slice(from, to) };
}
