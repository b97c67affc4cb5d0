import { decide } from '../decision';
import type { Reason } from '../comment';
import type { PhaseContext, ScoringPhase } from './phase';
import type { Scorer } from './scorer';
import type { ModelBundle } from './text-classifier';
import { foldText } from './normalise/fold-text';
import { profanityLexicon } from './normalise/profanity-lexicon';
import { russianObscenity } from './normalise/russian-obscenity';
import { textFingerprint } from './normalise/text-fingerprint';
import { authorHistory } from './phases/author-history';
import { language } from './phases/language';
import { languageModels } from './phases/language-models';
import { linkCount } from './phases/link-count';
import { newCommenter } from './phases/new-commenter';
import { normalise } from './phases/normalise';
import { profanity } from './phases/profanity';
import { repeatPosts } from './phases/repeat-posts';
import { spamModel } from './phases/spam-model';
import { toxicityModel } from './phases/toxicity-model';
import { trustedCommenter } from './phases/trusted-commenter';
import { wordLists } from './phases/word-lists';

/**
 * The moderation policy, in the order it runs; the site's thresholds
 * (`decide`) apply to what it found, last.
 */
export const MODERATION_POLICY: readonly ScoringPhase[] = [
  normalise,
  language,
  linkCount,
  wordLists,
  authorHistory,
  newCommenter,
  trustedCommenter,
  repeatPosts,
  profanity,
  languageModels,
  spamModel,
  toxicityModel,
];

/** What the phases found together, before the site's thresholds apply. */
export interface PhaseFindings {
  spam: number;
  toxicity: number;
  reasons: Reason[];
  holdRules: Reason[];
  rejectRules: Reason[];
  /** Whether a phase found the author trusted (the models' hold band then does not hold). */
  trusted: boolean;
  /** The language the phases found ('und' when none ran or it cannot be told). */
  language: string;
}

/** How long one comment may be scored, and the clock that measures it. */
export interface ScoringBudget {
  /** Milliseconds after which the remaining phases are skipped and the comment held. */
  ms: number;
  /** Milliseconds from any origin (CPU time by default); injected so tests need not be slow. */
  now: () => number;
  /**
   * A cheaper clock that never runs slower than `now` (the wall clock, for
   * CPU time): while it shows the budget unspent, `now` is not read again.
   * Reading this process's CPU time is a system call, ~0.7 µs, and the
   * phases are ten a comment of ~80 µs.
   */
  upperBound?: () => number;
}

// CPU time of this process, in milliseconds. Scoring is synchronous, so while
// a comment is scored it is that comment's cost; the wall clock would also
// count the time a busy machine kept the process off a core, and hold clean
// comments for it.
function cpuMilliseconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Every phase is linear in the body, so a comment takes well under a
 * millisecond of CPU; the budget is the backstop for a regression in a
 * matcher or a model (the backtracking this replaced took minutes): a worker
 * moves on after it, and a moderator sees the comment. A second, not less:
 * a shared machine can slow ordinary work several times over, and a clean
 * comment held for that is a reader silenced.
 */
export const DEFAULT_SCORING_BUDGET: ScoringBudget = { ms: 1_000, now: cpuMilliseconds, upperBound: () => performance.now() };

/** The reason a comment is held when its phases ran out of time. */
export function budgetReason(ms: number, skipped: number): Reason {
  return { code: 'scoring-budget', message: `scoring took over ${ms} ms; ${skipped} check(s) skipped, held for a moderator`, value: skipped };
}

/**
 * Runs phases in order, each seeing what the earlier ones derived. When the
 * budget runs out the phases not yet run are skipped and a hold rule says so.
 */
export function runPhases(phases: readonly ScoringPhase[], start: PhaseContext, budget?: ScoringBudget): PhaseFindings {
  let context = start;
  const found: PhaseFindings = { spam: 0, toxicity: 0, reasons: [], holdRules: [], rejectRules: [], trusted: false, language: 'und' };
  const startedAt = budget?.now() ?? 0;
  const boundStartedAt = budget?.upperBound?.() ?? 0;
  const spent = (b: ScoringBudget) => (!b.upperBound || b.upperBound() - boundStartedAt > b.ms) && b.now() - startedAt > b.ms;
  for (const [index, phase] of phases.entries()) {
    if (budget && index > 0 && spent(budget)) {
      found.holdRules.push(budgetReason(budget.ms, phases.length - index));
      break;
    }
    const result = phase(context);
    if (!result) continue;
    // Several phases may score the same thing; the most alarming wins.
    if (result.spam !== undefined) found.spam = Math.max(found.spam, result.spam);
    if (result.toxicity !== undefined) found.toxicity = Math.max(found.toxicity, result.toxicity);
    if (result.reasons) found.reasons.push(...result.reasons);
    if (result.holdRules) found.holdRules.push(...result.holdRules);
    if (result.rejectRules) found.rejectRules.push(...result.rejectRules);
    if (result.trusted) found.trusted = true;
    if (result.derived) context = { ...context, ...result.derived };
  }
  found.language = context.language ?? 'und';
  return found;
}

/** Builds the scorer the worker and the CLI share, from loaded models and a policy. */
export function createScorer(
  models: ModelBundle,
  phases: readonly ScoringPhase[] = MODERATION_POLICY,
  budget: ScoringBudget = DEFAULT_SCORING_BUDGET,
): Scorer {
  // Built now, not inside the first comment's budget: compiling the two
  // lexicons is the one-time cost of a fresh process.
  profanityLexicon();
  russianObscenity();
  return {
    modelVersion: models.version,
    score(input) {
      // Folds the body once, for the fingerprint and every rule after it.
      const folded = foldText(input.body);
      const fingerprint = textFingerprint(folded.text);
      const { spam, toxicity, reasons, holdRules, rejectRules, trusted, language: detected } = runPhases(phases, { ...input, models, fingerprint, folded }, budget);
      const outcome = decide({ spam, toxicity, holdRules, rejectRules, trusted }, input.settings);
      return {
        spam,
        toxicity,
        decision: outcome.decision,
        reasons: [...rejectRules, ...holdRules, ...reasons, ...outcome.reasons],
        modelVersion: models.version,
        thresholds: { spam: input.settings.spam, toxicity: input.settings.toxicity },
        fingerprint,
        language: detected,
      };
    },
  };
}
