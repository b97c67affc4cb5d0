import { brierScore, rocAuc, thresholdMetrics } from '../training/metrics';
import { applyPlatt, fitPlatt } from '../training/platt';

/** One row of the evaluation table. */
export interface ReportRow {
  n: number;
  positives: number;
  rocAuc: number;
  /** Positive class at the hold threshold (what a moderator sees). */
  precisionAtHold: number;
  recallAtHold: number;
  f1AtHold: number;
  f1AtHalf: number;
  /** Mean of the positive- and negative-class F1 at 0.5 (OLID's measure). */
  macroF1AtHalf: number;
  f1AtReject: number;
  /** Share of clean comments at or above the hold threshold. */
  cleanFlaggedRate: number;
  brier: number;
}

/** The thresholds a report is taken at: the default site settings'. */
export interface ReportThresholds {
  hold: number;
  reject: number;
}

function negativeF1(probabilities: readonly number[], labels: readonly number[], threshold: number): number {
  return thresholdMetrics(probabilities.map((p) => -p), labels.map((y) => 1 - y), -threshold + Number.EPSILON).f1;
}

/**
 * Metrics of calibrated probabilities against labels. ROC-AUC is taken on
 * `scores` when given (raw scores keep ties apart that a saturated
 * calibration would merge).
 */
export function classificationReport(probabilities: readonly number[], labels: readonly number[], t: ReportThresholds, scores: readonly number[] = probabilities): ReportRow {
  const hold = thresholdMetrics(probabilities, labels, t.hold);
  const half = thresholdMetrics(probabilities, labels, 0.5);
  const negatives = labels.filter((y) => y === 0).length;
  return {
    n: labels.length,
    positives: labels.length - negatives,
    rocAuc: rocAuc(scores, labels),
    precisionAtHold: hold.precision,
    recallAtHold: hold.recall,
    f1AtHold: hold.f1,
    f1AtHalf: half.f1,
    macroF1AtHalf: (half.f1 + negativeF1(probabilities, labels, 0.5)) / 2,
    f1AtReject: thresholdMetrics(probabilities, labels, t.reject).f1,
    cleanFlaggedRate: negatives > 0 ? hold.falsePositives / negatives : Number.NaN,
    brier: brierScore(probabilities, labels),
  };
}

/**
 * Out-of-fold probabilities: Platt fitted on one half (even / odd rows) and
 * applied to the other, so P/R/F1 and Brier on the calibration file are not
 * measured on the very rows the calibration saw.
 */
export function crossFittedProbabilities(scores: readonly number[], labels: readonly number[]): number[] {
  const probabilities = new Array<number>(scores.length);
  for (const fold of [0, 1]) {
    const fit = scores.map((_, i) => i).filter((i) => i % 2 !== fold);
    const calibration = fitPlatt(fit.map((i) => scores[i]!), fit.map((i) => labels[i]!));
    scores.forEach((s, i) => {
      if (i % 2 === fold) probabilities[i] = applyPlatt(calibration, s);
    });
  }
  return probabilities;
}

const HEADER = '| model | file | source | n (pos) | ROC-AUC | P / R / F1 @hold | F1 @0.5 | macro-F1 @0.5 | F1 @reject | clean flagged @hold | Brier |';

/** Markdown table header for {@link formatRow}. */
export function tableHeader(): string {
  return `${HEADER}\n|${'---|'.repeat(11)}`;
}

/** One markdown table line. */
export function formatRow(model: string, file: string, source: string, r: ReportRow): string {
  const f = (x: number): string => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));
  return `| ${model} | ${file} | ${source} | ${r.n} (${r.positives}) | ${f(r.rocAuc)} | ${f(r.precisionAtHold)} / ${f(r.recallAtHold)} / ${f(r.f1AtHold)} | ${f(r.f1AtHalf)} | ${f(r.macroF1AtHalf)} | ${f(r.f1AtReject)} | ${f(r.cleanFlaggedRate)} | ${f(r.brier)} |`;
}
