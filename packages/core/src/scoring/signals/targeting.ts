import type { Token } from '../text';
import type { DenseFeature } from './spam-signals';

// Words that insult a person rather than describe a topic. Small on purpose:
// each is evidence a moderator can read, and none names a group or a
// political subject ("corrupt" describes a regime as often as a commenter).
const INSULTS = new Set([
  'idiot', 'idiots', 'idiotic', 'moron', 'morons', 'moronic', 'stupid', 'dumb', 'dumbass', 'fool', 'fools', 'loser', 'losers',
  'troll', 'trolls', 'clown', 'clowns', 'scum', 'pathetic', 'ignorant', 'imbecile', 'imbeciles', 'hypocrite', 'liar', 'liars',
  'coward', 'cowards', 'retard', 'retarded', 'jerk', 'trash', 'garbage', 'dimwit', 'nitwit', 'buffoon', 'lunatic', 'psycho',
  'worthless', 'useless', 'brainless', 'clueless', 'disgusting', 'vile', 'scumbag', 'dope', 'simpleton', 'twit', 'bigot', 'bigots',
]);
const SECOND_PERSON = new Set(['you', "you're", 'youre', 'your', 'u', 'ur', 'ya', 'yourself', 'ты', 'тебя', 'тебе', 'твой', 'вы', 'вас', 'вам']);
// "you are a …" reaches its insult within a few words.
const REACH = 4;

/** Insult words and whether they are aimed at the reader ("you are an idiot"), as dense features. */
export function targetingSignals(tokens: readonly Token[], extraInsults?: ReadonlySet<string>): DenseFeature[] {
  let insults = 0;
  let targeted = false;
  let first: string | undefined;
  let lastYou = -REACH - 1;
  for (let i = 0; i < tokens.length; i += 1) {
    const word = tokens[i]!.text;
    if (SECOND_PERSON.has(word)) lastYou = i;
    else if (INSULTS.has(word) || extraInsults?.has(tokens[i]!.stem)) {
      insults += 1;
      first ??= word;
      if (i - lastYou <= REACH) targeted = true;
    }
  }
  const found: DenseFeature[] = [];
  // Named by the first insult, so a reason reads "idiot", not "[insult word]".
  if (insults > 0) found.push({ name: '[insult word]', value: Math.log1p(insults), evidence: first });
  if (targeted) found.push({ name: '[insult aimed at "you"]', value: 1, evidence: first });
  return found;
}
