import type { TrainingLabel } from '@moderato/core';

/** The newest share of the labels, kept out of training to compare the candidate with live. */
export const HELD_OUT_SHARE = 0.2;

export interface LabelSplit {
  /** Oldest first. */
  train: TrainingLabel[];
  /** The newest labels, oldest first. */
  heldOut: TrainingLabel[];
  /** When the first held-out label was given; null when none is held out. */
  heldOutFrom: Date | null;
}

const byTimeThenId = (a: TrainingLabel, b: TrainingLabel): number =>
  a.labelledAt.getTime() - b.labelledAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Holds out the newest labels by the time they were given, not a random
 * sample: the candidate is judged on comments it could not have seen, as it
 * will be after promotion. Labels given in the same instant are ordered by
 * comment id, so the same labels always split the same way.
 */
export function splitByLabelTime(labels: readonly TrainingLabel[], share = HELD_OUT_SHARE): LabelSplit {
  const ordered = [...labels].sort(byTimeThenId);
  const heldOutCount = Math.round(ordered.length * share);
  const cut = ordered.length - heldOutCount;
  const heldOut = ordered.slice(cut);
  return { train: ordered.slice(0, cut), heldOut, heldOutFrom: heldOut[0]?.labelledAt ?? null };
}
