import type { HeldOutMetrics } from '@moderato/core';

const ratio = (value: number) => value.toFixed(3);
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/**
 * One model's held-out figures on one line, after a label padded to `width`:
 * `candidate v3  agreement 0.912  clean held 4.1 %  bad approved 6.0 %  ROC-AUC 0.951`.
 */
export function heldOutLine(label: string, metrics: HeldOutMetrics, width = label.length): string {
  const auc = metrics.rocAuc === null ? 'n/a (one class)' : ratio(metrics.rocAuc);
  return `${label.padEnd(width)}  agreement ${ratio(metrics.agreement)}  clean held ${percent(metrics.cleanHeld)}  bad approved ${percent(metrics.badApproved)}  ROC-AUC ${auc}`;
}

/** What a live model is called: its version, or the shipped model. */
export const liveLabel = (liveVersion: number | null): string => (liveVersion === null ? 'live (shipped)' : `live v${liveVersion}`);
