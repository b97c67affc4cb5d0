import { foldText } from '../normalise/fold-text';
import type { ScoringPhase } from '../phase';
import { foldedBody } from './normalise';

// A double submit is common and harmless; a third copy is a campaign.
const MIN_EARLIER_COPIES = 2;
// "Thanks!" and "+1" repeat honestly.
const MIN_LENGTH = 20;

// Compared on letters and digits only, so changed punctuation, case,
// spacing or emoji do not make a copy new.
function fingerprint(folded: string): string {
  return folded.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Holds a comment the same author already posted on this site, twice or more, recently. */
export const repeatPosts: ScoringPhase = (context) => {
  const recent = context.recentBodies;
  if (!recent || recent.length === 0) return undefined;
  const own = fingerprint(foldedBody(context).text);
  if (own.length < MIN_LENGTH) return undefined;
  const copies = recent.filter((body) => fingerprint(foldText(body).text) === own).length;
  if (copies < MIN_EARLIER_COPIES) return undefined;
  return {
    holdRules: [{ code: 'repeat-post', message: `same text posted ${copies} times before by this author recently`, value: copies }],
  };
};
