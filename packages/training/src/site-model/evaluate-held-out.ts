import { createScorer, labelClass, type HeldOutMetrics, type ModelBundle, type SiteSettings, type TrainingLabel } from '@moderato/core';
import type { TakeTurns } from './event-loop-turn';
import { heldOutMetrics, type JudgedLabel } from './held-out-metrics';

/** Live's and the candidate's figures on the same held-out labels. */
export interface HeldOutComparison {
  live: HeldOutMetrics;
  candidate: HeldOutMetrics;
}

/**
 * The site's settings as they apply to a comment's text alone. Held-out
 * comments are scored without their authors (no history, no recent posts),
 * and premoderation or the new-commenter hold would then hold every one of
 * them whatever either model said, hiding the difference being measured.
 */
export function evaluationSettings(settings: SiteSettings): SiteSettings {
  return { ...settings, premoderate: false, newCommenterHold: 0 };
}

/**
 * Scores each held-out comment through the whole pipeline (rules, language,
 * models, the site's bands) once with live's models and once with the
 * candidate's, and compares each model's decisions with the labels. Labels
 * that are neither clean nor bad are left out.
 */
export async function evaluateOnHeldOut(
  heldOut: readonly TrainingLabel[],
  settings: SiteSettings,
  bundles: { live: ModelBundle; candidate: ModelBundle },
  turn: TakeTurns,
): Promise<HeldOutComparison> {
  const live = createScorer(bundles.live);
  const candidate = createScorer(bundles.candidate);
  const scored = evaluationSettings(settings);
  const judgedLive: JudgedLabel[] = [];
  const judgedCandidate: JudgedLabel[] = [];
  for (const label of heldOut) {
    const kind = labelClass(label);
    if (kind === null) continue;
    const bad = kind === 'bad';
    await turn();
    const input = { body: label.body, name: '', settings: scored };
    const byLive = live.score(input);
    judgedLive.push({ bad, decision: byLive.decision, spam: byLive.spam, toxicity: byLive.toxicity });
    await turn();
    const byCandidate = candidate.score(input);
    judgedCandidate.push({ bad, decision: byCandidate.decision, spam: byCandidate.spam, toxicity: byCandidate.toxicity });
  }
  return { live: heldOutMetrics(judgedLive), candidate: heldOutMetrics(judgedCandidate) };
}
