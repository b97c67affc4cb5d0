import type { ScoringPhase } from '../phase';

// Two rejections are a pattern, one may be a moderator's bad day; and an
// author with more approved than rejected comments gets the benefit of the doubt.
const MIN_REJECTED = 2;

/** Holds comments from an author whose earlier comments here were mostly rejected. */
export const authorHistory: ScoringPhase = ({ authorHistory: history }) => {
  if (!history || history.rejected < MIN_REJECTED || history.rejected <= history.approved) return undefined;
  return {
    holdRules: [{
      code: 'author-history',
      message: `author's earlier comments: ${history.rejected} rejected, ${history.approved} approved`,
      value: history.rejected,
    }],
  };
};
