import type { Reason } from '../comment';
import type { ScoringInput } from './scorer';
import type { FoldedText } from './normalise/fold-text';
import type { Extracted, LanguageModels, ModelBundle } from './text-classifier';

/** What every phase can read: the scorer's input, and what the scorer and earlier phases derived from it. */
export interface PhaseContext extends ScoringInput {
  /** This body's fingerprint, as the scorer worked it out for the result; phases run alone derive it. */
  fingerprint?: string;
  models: ModelBundle;
  /** The body folded for rule matching; set by the scorer or the normalisation phase, which runs first. */
  folded?: FoldedText;
  /** ISO 639-1 code of the body's language ('und' when it cannot be told); set by the language phase. */
  language?: string;
  /** The models for that language, if the bundle has them; set by the language-models phase. */
  languageModels?: LanguageModels;
  /** The body read once for those models; both model phases score it. */
  features?: Extracted;
}

/** A phase's contribution: scores it owns, reasons to show, rules that hold or reject. */
export interface PhaseResult {
  spam?: number;
  toxicity?: number;
  reasons?: Reason[];
  holdRules?: Reason[];
  rejectRules?: Reason[];
  /** The author has earned trust: a score in the models' hold band does not hold (rules and the reject band still apply). */
  trusted?: boolean;
  /** What this phase derived for the phases after it. */
  derived?: Pick<PhaseContext, 'folded' | 'language' | 'languageModels' | 'features'>;
}

/** One small step of the moderation policy. Returns nothing when it has nothing to say. */
export type ScoringPhase = (context: PhaseContext) => PhaseResult | undefined;
