import type { Decision, HeldOutMetrics } from '@moderato/core';
import { rocAuc } from '../metrics';

/** One held-out label and what a model decided for its comment. */
export interface JudgedLabel {
  bad: boolean;
  decision: Decision;
  spam: number;
  toxicity: number;
}

/**
 * A model's decisions against the moderators' labels. A hold never counts
 * as agreement: the point of a site model is fewer comments waiting for a
 * human, so holding a clean comment and holding a bad one both fall short.
 */
export function heldOutMetrics(judged: readonly JudgedLabel[]): HeldOutMetrics {
  let clean = 0;
  let bad = 0;
  let agreed = 0;
  let cleanHeld = 0;
  let badApproved = 0;
  for (const { bad: isBad, decision } of judged) {
    if (isBad) {
      bad += 1;
      if (decision === 'reject') agreed += 1;
      if (decision === 'approve') badApproved += 1;
    } else {
      clean += 1;
      if (decision === 'approve') agreed += 1;
      else cleanHeld += 1;
    }
  }
  const auc = rocAuc(
    judged.map((j) => Math.max(j.spam, j.toxicity)),
    judged.map((j) => (j.bad ? 1 : 0)),
  );
  const share = (count: number, of: number): number => (of === 0 ? 0 : count / of);
  return {
    labels: judged.length,
    clean,
    bad,
    agreement: share(agreed, judged.length),
    cleanHeld: share(cleanHeld, clean),
    badApproved: share(badApproved, bad),
    rocAuc: Number.isNaN(auc) ? null : auc,
  };
}
