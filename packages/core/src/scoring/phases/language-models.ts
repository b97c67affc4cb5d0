import type { ScoringPhase } from '../phase';

// Text with too few letters to tell ("+1", a link, emoji) is read as English:
// its links and numbers still say what they say.
const UNDETERMINED_READ_AS = 'en';

/**
 * Picks the models for the comment's language and reads the comment once for
 * both. A language without models is scored by the rules only; the site's
 * `holdUnscoredLanguages` says whether such a comment waits for a moderator.
 */
export const languageModels: ScoringPhase = ({ body, folded, models, language = 'und', settings }) => {
  const chosen = models.languages[language] ?? (language === 'und' ? models.languages[UNDETERMINED_READ_AS] : undefined);
  if (chosen) return { derived: { languageModels: chosen, features: chosen.features(body, folded) } };
  const reason = { code: 'unscored-language', message: `no model for language "${language}": scored by the rules only`, value: 0 };
  return settings.holdUnscoredLanguages ? { holdRules: [reason] } : { reasons: [reason] };
};
