import type { Reason } from '../../comment';
import { compileWordMatcher, type WordMatch, type WordMatcher } from '../normalise/word-matcher';
import type { ScoringPhase } from '../phase';
import { foldedBody } from './normalise';

// Settings objects are cached and reused by the worker, so a list compiles
// once per site version, not once per comment.
const compiled = new WeakMap<readonly string[], WordMatcher>();

function matcherFor(words: readonly string[]): WordMatcher {
  let matcher = compiled.get(words);
  if (!matcher) {
    matcher = compileWordMatcher(words);
    compiled.set(words, matcher);
  }
  return matcher;
}

function listReason(code: string, label: string, matches: readonly WordMatch[]): Reason {
  const words = [...new Set(matches.map((m) => m.word))];
  return {
    code,
    message: `${label} ${words.map((w) => `"${w}"`).join(', ')}`,
    value: matches.length,
    matches: words,
    spans: matches.map(({ start, end, text }) => ({ start, end, text })),
  };
}

/**
 * The site's own lists: a block word rejects, a hold word holds. Whole
 * words, case-insensitive, through l33t, look-alikes, repeated letters and
 * spaced-out spelling; reasons name the listed word and where it is.
 */
export const wordLists: ScoringPhase = (context) => {
  const { blockWords, holdWords } = context.settings;
  if (blockWords.length === 0 && holdWords.length === 0) return undefined;
  const folded = foldedBody(context);
  const blocked = blockWords.length > 0 ? matcherFor(blockWords).find(context.body, folded) : [];
  const held = holdWords.length > 0 ? matcherFor(holdWords).find(context.body, folded) : [];
  if (blocked.length === 0 && held.length === 0) return undefined;
  return {
    rejectRules: blocked.length > 0 ? [listReason('block-word', 'block word', blocked)] : [],
    holdRules: held.length > 0 ? [listReason('hold-word', 'hold word', held)] : [],
  };
};
