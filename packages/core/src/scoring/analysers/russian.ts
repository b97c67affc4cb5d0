import { FEATURE_SCHEME } from '../features';
import { analyseRussian, stemRussian } from '../normalise/russian';
import { russianObscenity } from '../normalise/russian-obscenity';
import { stopWords } from '../normalise/stop-words';
import { spamSignals } from '../signals/spam-signals';
import { targetingSignals } from '../signals/targeting';
import { modelText, silentWith, type LanguageAnalyser } from './analyser';
import { lexiconFeatures } from './english';

// Insults aimed at a person (not obscenities: the list from bad-words-next
// covers those), matched by stem so every case ending counts.
const INSULT_STEMS: ReadonlySet<string> = new Set(
  ['дебил', 'идиот', 'тупой', 'дурак', 'дура', 'урод', 'мразь', 'тварь', 'козел', 'придурок', 'кретин', 'чмо', 'быдло', 'лох', 'сволочь',
    'скотина', 'ублюдок', 'дегенерат', 'даун', 'ничтожество', 'недоумок', 'тролль', 'идиотка', 'клоун', 'отброс'].map(stemRussian),
);

/**
 * Russian: the Russian normalisation (look-alikes, spelled-out and stretched
 * letters), natural's Russian Porter stems, the Russian obscenity list,
 * insults aimed at the reader, spam signals.
 */
export const russianAnalyser: LanguageAnalyser = {
  language: 'ru',
  featureScheme: `ru/${FEATURE_SCHEME}/russian-normalise-v1/first-2000`,
  analyse(body) {
    const read = modelText(body);
    const { text, tokens } = analyseRussian(read);
    const dense = [...lexiconFeatures(russianObscenity().find(text)), ...targetingSignals(tokens, INSULT_STEMS), ...spamSignals(read)];
    return { tokens, dense };
  },
  isSilent: silentWith(stopWords('ru')),
};
