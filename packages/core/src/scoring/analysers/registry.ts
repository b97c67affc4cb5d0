import type { LanguageAnalyser } from './analyser';
import { englishAnalyser } from './english';
import { russianAnalyser } from './russian';

/**
 * Every language Moderato can train and load models for. Adding one is an
 * analyser here, its data in training, and a retrain: the model file, the
 * routing and the evaluation follow from this list.
 */
export const ANALYSERS: Readonly<Record<string, LanguageAnalyser>> = {
  en: englishAnalyser,
  ru: russianAnalyser,
};
