/** Precision, recall and F1 of the positive class at one threshold. */
export interface ThresholdMetrics {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/**
 * Area under the ROC curve via the rank-sum statistic; tied scores get their
 * average rank, so a constant scorer gets exactly 0.5.
 */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  const ranks = new Array<number>(scores.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]!] === scores[order[i]!]) j += 1;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) ranks[order[k]!] = averageRank;
    i = j + 1;
  }
  let positives = 0;
  let positiveRankSum = 0;
  labels.forEach((label, i) => {
    if (label === 1) {
      positives += 1;
      positiveRankSum += ranks[i]!;
    }
  });
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Positive-class precision/recall/F1 when flagging probability ≥ threshold. */
export function thresholdMetrics(probabilities: readonly number[], labels: readonly number[], threshold: number): ThresholdMetrics {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  probabilities.forEach((p, i) => {
    const flagged = p >= threshold;
    if (flagged && labels[i] === 1) truePositives += 1;
    else if (flagged) falsePositives += 1;
    else if (labels[i] === 1) falseNegatives += 1;
  });
  const precision = truePositives + falsePositives > 0 ? truePositives / (truePositives + falsePositives) : 0;
  const recall = truePositives + falseNegatives > 0 ? truePositives / (truePositives + falseNegatives) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { threshold, precision, recall, f1, truePositives, falsePositives, falseNegatives };
}

/** Mean squared error of probabilities against 0/1 labels (lower is better). */
export function brierScore(probabilities: readonly number[], labels: readonly number[]): number {
  let sum = 0;
  probabilities.forEach((p, i) => {
    sum += (p - labels[i]!) ** 2;
  });
  return sum / probabilities.length;
}
