import { foldText } from '../normalise/fold-text';
import { textFingerprint } from '../normalise/text-fingerprint';
import type { ScoringPhase } from '../phase';
import { foldedBody } from './normalise';

// A double submit is common and harmless; a third copy is a campaign.
const MIN_EARLIER_COPIES = 2;

/** Holds a comment the same author already posted on this site, twice or more, recently. */
export const repeatPosts: ScoringPhase = (context) => {
  const stored = context.recentFingerprints ?? [];
  const bodies = context.recentBodies ?? [];
  if (stored.length === 0 && bodies.length === 0) return undefined;
  const own = context.fingerprint ?? textFingerprint(foldedBody(context).text);
  if (own === '') return undefined;
  // Earlier comments arrive as stored fingerprints; bodies only from callers
  // that have no fingerprints (the CLI, comments stored before there were any).
  const copies = stored.filter((f) => f === own).length + bodies.filter((body) => textFingerprint(foldText(body).text) === own).length;
  if (copies < MIN_EARLIER_COPIES) return undefined;
  return {
    holdRules: [{ code: 'repeat-post', message: `same text posted ${copies} times before by this author recently`, value: copies }],
  };
};
