import type { ScoringPhase } from '../phase';

/** Holds an author's comments until the site's `newCommenterHold` earlier ones were approved. */
export const newCommenter: ScoringPhase = ({ settings, authorHistory }) => {
  const required = settings.newCommenterHold;
  const approved = authorHistory?.approved ?? 0;
  if (required === 0 || approved >= required) return undefined;
  return {
    holdRules: [{ code: 'new-commenter', message: `new commenter: ${approved} of ${required} earlier comments approved`, value: approved }],
  };
};
