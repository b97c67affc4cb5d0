import type { ModelBundle, TrainingLabel } from '@moderato/core';
import { ANALYSERS } from '@moderato/core/src/scoring/analysers/registry';
import { detectLanguage } from '@moderato/core/src/scoring/language/detect-language';
import { rawScore, type LinearModel } from '@moderato/core/src/scoring/linear-model';
import { textFeatures } from '@moderato/core/src/scoring/text-classifier';
import type { AdjustmentExample } from './adjustment-trainer';
import type { TakeTurns } from './event-loop-turn';

/** The two things a site model adjusts, named as in SiteModelTrainingData. */
export type LabelKind = 'spam' | 'toxic';

/** One language's labelled comments, read once for both kinds. */
export interface LanguageExamples {
  language: string;
  hashBits: number;
  spam: AdjustmentExample[];
  toxic: AdjustmentExample[];
}

// As the language-models phase reads it: too few letters to tell is English.
const UNDETERMINED_READ_AS = 'en';

/**
 * The language whose models scored (or would score) the comment, or
 * undefined when the bundle has none for it. A comment decided before
 * detection was stored is detected now, as the scorer would.
 */
export function modelLanguage(label: Pick<TrainingLabel, 'body' | 'language'>, base: ModelBundle): string | undefined {
  const detected = label.language ?? detectLanguage(label.body);
  const language = detected === 'und' ? UNDETERMINED_READ_AS : detected;
  return base.linear?.[language] && ANALYSERS[language] ? language : undefined;
}

const calibratedLogit = (model: LinearModel, raw: number): number => model.calibration.slope * raw + model.calibration.intercept;

/**
 * Reads each label's comment with its language's analyser (the features the
 * base model reads) and pairs it with the base model's calibrated logit per
 * kind: the inputs a site adjustment is learned on. A label says something
 * about a kind only when that kind is non-null.
 */
export async function buildExamples(labels: readonly TrainingLabel[], base: ModelBundle, turn: TakeTurns): Promise<Map<string, LanguageExamples>> {
  const byLanguage = new Map<string, LanguageExamples>();
  for (const label of labels) {
    await turn();
    if (label.spam === null && label.toxic === null) continue;
    const language = modelLanguage(label, base);
    if (!language) continue;
    const pair = base.linear![language]!;
    let examples = byLanguage.get(language);
    if (!examples) {
      examples = { language, hashBits: pair.spam.hashBits, spam: [], toxic: [] };
      byLanguage.set(language, examples);
    }
    const vector = textFeatures(ANALYSERS[language]!, label.body, examples.hashBits);
    if (label.spam !== null) examples.spam.push({ vector, offset: calibratedLogit(pair.spam, rawScore(pair.spam, vector)), label: label.spam ? 1 : 0 });
    if (label.toxic !== null) examples.toxic.push({ vector, offset: calibratedLogit(pair.toxicity, rawScore(pair.toxicity, vector)), label: label.toxic ? 1 : 0 });
  }
  return byLanguage;
}
