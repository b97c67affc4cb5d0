import type { AuthorHistory, Reason } from '../comment';
import type { SiteSettings } from '../site-settings';
import type { ModelBundle } from './text-classifier';

/** What every phase can read. */
export interface PhaseContext {
  body: string;
  name: string;
  settings: SiteSettings;
  authorHistory?: AuthorHistory;
  models: ModelBundle;
}

/** A phase's contribution: scores it owns, reasons to show, rules that hold. */
export interface PhaseResult {
  spam?: number;
  toxicity?: number;
  reasons?: Reason[];
  holdRules?: Reason[];
}

/** One small step of the moderation policy. Returns nothing when it has nothing to say. */
export type ScoringPhase = (context: PhaseContext) => PhaseResult | undefined;
