import type { DenseFeature } from './signals/spam-signals';
import type { Token } from './text';
import { isStopWord } from './normalise/stop-words';
import { OPAQUE_STEMS } from './topic-words';

/**
 * Names the feature recipe. A model file records it, and loading refuses a
 * file whose recipe differs: a changed recipe silently scrambles weights.
 */
export const FEATURE_SCHEME = 'stem-uni+bi+hashtag-split/char2-5/fnv1a/log1p/l2-per-block/dense-signals/topic-praise-opaque+pairs/v3';

const CHAR_MIN = 2;
const CHAR_MAX = 5;
// Longer "words" are keyboard mash or encoded junk; their n-grams only add noise.
const CHAR_WORD_LIMIT = 40;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// Word and character blocks are normalised separately and then each scaled
// by this, so neither swamps the other (a word yields ~4x more char n-grams).
const BLOCK_SCALE = Math.SQRT1_2;

/** Sparse feature vector: parallel arrays, indices unique. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/**
 * Which text produced each feature occurrence, for explanations. `slots[k]`
 * is the occurrence's position in the returned vector's arrays (positions,
 * not buckets, keep explaining cache-friendly). An owner i ≥ 0 is token i
 * (its word or one of its character n-grams); an owner -i-1 is the bigram
 * ending at token i. Labels are built only on demand.
 */
export interface FeatureTrace {
  slots: Int32Array;
  owners: Int32Array;
  length: number;
}

/**
 * Human-readable n-gram for a trace owner. Owners from `2 × tokens.length` on
 * are the dense features (signals, lexicon hits), in their order.
 */
export function ownerLabel(tokens: readonly Token[], owner: number, dense: readonly DenseFeature[] = []): string {
  if (owner >= 2 * tokens.length) {
    const feature = dense[owner - 2 * tokens.length]!;
    return feature.evidence ?? feature.name;
  }
  if (owner >= 0) return tokens[owner]!.text;
  const end = -owner - 1;
  return `${tokens[end - 1]!.text} ${tokens[end]!.text}`;
}

function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME) >>> 0;
}

function fnvString(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i += 1) h = fnvStep(h, text.charCodeAt(i));
  return h;
}

/** FNV-1a (32-bit) of a string over UTF-16 code units; stable across runs and platforms. */
export function fnv1a(text: string): number {
  return fnvString(FNV_OFFSET, text);
}

// A distinct start state per feature family keeps "ab" the word apart from
// "ab" the character bigram.
const WORD_SEED = fnv1a('w\u0000');
const BIGRAM_SEED = fnv1a('b\u0000');
const CHAR_SEED = fnv1a('c\u0000');

// One packed counter per bucket (word-block count in the low 16 bits, char
// block in the high 16), reused across calls: scoring allocates nothing
// proportional to the hash space, and one 1 MB array stays in cache better
// than two float arrays. Safe because extraction is synchronous.
const CHAR_UNIT = 0x10000;
const WORD_MASK = 0xffff;
interface Scratch { counts: Uint32Array; touched: number[] }
const scratchByBits = new Map<number, Scratch>();

function scratchFor(hashBits: number): Scratch {
  let scratch = scratchByBits.get(hashBits);
  if (!scratch) {
    scratch = { counts: new Uint32Array(1 << hashBits), touched: [] };
    scratchByBits.set(hashBits, scratch);
  }
  return scratch;
}

/** The bucket of a stemmed word unigram, e.g. to pin an identity term's weight. */
export function wordBucket(stem: string, hashBits: number): number {
  return fnvString(WORD_SEED, stem) & ((1 << hashBits) - 1);
}

function add(s: Scratch, bucket: number, unit: number): void {
  const count = s.counts[bucket]!;
  if (count === 0) s.touched.push(bucket);
  // Saturate rather than carry into the other block's bits.
  if (((unit === 1 ? count : count >>> 16) & WORD_MASK) !== WORD_MASK) s.counts[bucket] = count + unit;
}

function record(trace: FeatureTrace, bucket: number, owner: number): void {
  trace.slots[trace.length] = bucket;
  trace.owners[trace.length] = owner;
  trace.length += 1;
}

const opaque = (token: Token): boolean => OPAQUE_STEMS.has(token.stem);
const functionWord = (token: Token): boolean => isStopWord('en', token.text) || isStopWord('ru', token.text);

/**
 * An identity, reporting or praise word next to another such word or a
 * function word ("a muslim", "police beat", "great article", "for sharing")
 * forms no bigram: the pair says nothing the words do not, and would carry
 * what the weight caps take from the words. Beside a content word ("stupid
 * muslim") it does.
 */
function neutralPair(first: Token, second: Token): boolean {
  return (opaque(first) && (opaque(second) || functionWord(second))) || (opaque(second) && functionWord(first));
}

/** Like {@link extractFeatures}, also returning which text produced each occurrence. */
export function extractTracedFeatures(tokens: readonly Token[], hashBits: number, dense: readonly DenseFeature[] = []): { vector: SparseVector; trace: FeatureTrace } {
  // An upper bound on occurrences, so the trace is two flat typed arrays
  // written once instead of growing JS arrays.
  let capacity = dense.length;
  for (const token of tokens) capacity += 2 + (CHAR_MAX - CHAR_MIN + 1) * (token.text.length + 2);
  const trace: FeatureTrace = { slots: new Int32Array(capacity), owners: new Int32Array(capacity), length: 0 };
  return { vector: extractFeatures(tokens, hashBits, trace, dense), trace };
}

function foldDigit(code: number): number {
  return code >= 48 && code <= 57 ? 48 : code;
}

// Dense features (lexicon hits, spam signals) get a bucket each from their
// name. They are left out of the L2 normalisation, so one phone number or
// one swear word weighs the same in a short comment as in a long one.
const DENSE_SEED = fnv1a('d\u0000');

/**
 * Hashes tokens into a sparse vector of 2^hashBits dimensions: stemmed word
 * unigrams and bigrams, plus character 2-5-grams of each word padded with
 * spaces (digits folded to 0). Counts are log1p-damped and each block is
 * L2-normalised. `dense` features (lexicon hits, spam signals) are added
 * as they are, one bucket each.
 */
export function extractFeatures(tokens: readonly Token[], hashBits: number, trace?: FeatureTrace, dense: readonly DenseFeature[] = []): SparseVector {
  const mask = (1 << hashBits) - 1;
  const s = scratchFor(hashBits);
  let previous: Token | undefined;
  for (let t = 0; t < tokens.length; t += 1) {
    const token = tokens[t]!;
    const wordBucket = fnvString(WORD_SEED, token.stem) & mask;
    add(s, wordBucket, 1);
    if (trace) record(trace, wordBucket, t);
    if (previous && !neutralPair(previous, token)) {
      const bigram = fnvString(fnvStep(fnvString(BIGRAM_SEED, previous.stem), 32), token.stem) & mask;
      add(s, bigram, 1);
      if (trace) record(trace, bigram, -t - 1);
    }
    previous = token;
    // Identity, reporting and praise words get no character n-grams: those
    // would let "white" learn from every slur sharing "hit", or "killed"
    // from "kill yourself", out of reach of the weight cap.
    if (token.kind === 'word' && token.text.length <= CHAR_WORD_LIMIT && !OPAQUE_STEMS.has(token.stem)) addCharGrams(token.text, t, mask, s, trace);
  }
  const vector = finish(s, trace);
  return dense.length > 0 ? withDense(vector, mask, tokens.length, dense, trace) : vector;
}

function withDense(vector: SparseVector, mask: number, tokenCount: number, dense: readonly DenseFeature[], trace?: FeatureTrace): SparseVector {
  const indices = Array.from(vector.indices);
  const values = Array.from(vector.values);
  dense.forEach(({ name, value }, j) => {
    const bucket = fnvString(DENSE_SEED, name) & mask;
    let at = indices.indexOf(bucket);
    if (at >= 0) values[at] = values[at]! + value;
    else {
      at = indices.length;
      indices.push(bucket);
      values.push(value);
    }
    if (trace) {
      trace.slots[trace.length] = at;
      trace.owners[trace.length] = 2 * tokenCount + j;
      trace.length += 1;
    }
  });
  return { indices: Int32Array.from(indices), values: Float32Array.from(values) };
}

function addCharGrams(word: string, owner: number, mask: number, s: Scratch, trace?: FeatureTrace): void {
  const last = word.length;
  // Positions -1 and word.length are the padding spaces marking word edges.
  // Inline code (no helper closure): this loop is most of the scoring time.
  for (let start = -1; start < last; start += 1) {
    let h = CHAR_SEED;
    for (let n = 1; n <= CHAR_MAX && start + n <= last + 1; n += 1) {
      const at = start + n - 1;
      h = fnvStep(h, at < 0 || at >= last ? 32 : foldDigit(word.charCodeAt(at)));
      if (n < CHAR_MIN) continue;
      const bucket = h & mask;
      add(s, bucket, CHAR_UNIT);
      if (trace) record(trace, bucket, owner);
    }
  }
}

function finish(s: Scratch, trace?: FeatureTrace): SparseVector {
  const { counts, touched } = s;
  let wordSquares = 0;
  let charSquares = 0;
  for (const bucket of touched) {
    const w = Math.log1p(counts[bucket]! & WORD_MASK);
    const c = Math.log1p(counts[bucket]! >>> 16);
    wordSquares += w * w;
    charSquares += c * c;
  }
  const wordScale = wordSquares > 0 ? BLOCK_SCALE / Math.sqrt(wordSquares) : 0;
  const charScale = charSquares > 0 ? BLOCK_SCALE / Math.sqrt(charSquares) : 0;
  const size = touched.length;
  const indices = new Int32Array(size);
  const values = new Float32Array(size);
  for (let i = 0; i < size; i += 1) {
    const bucket = touched[i]!;
    const count = counts[bucket]!;
    indices[i] = bucket;
    // A bucket hit by both blocks gets both shares, so it appears once.
    values[i] = Math.log1p(count & WORD_MASK) * wordScale + Math.log1p(count >>> 16) * charScale;
    counts[bucket] = i;
  }
  // The trace recorded buckets; the scratch now maps each bucket to its slot.
  if (trace) for (let k = 0; k < trace.length; k += 1) trace.slots[k] = counts[trace.slots[k]!]!;
  for (const bucket of touched) counts[bucket] = 0;
  touched.length = 0;
  return { indices, values };
}
