/** z for a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson's score interval for a binomial proportion (Wilson 1927; method 3
 * of Newcombe 1998, without continuity correction). Unlike the normal
 * approximation it stays inside [0, 1] and is not zero-width at 0 or n
 * successes, which matters here: most weeks find no bad comment at all.
 * Undefined for no trials.
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval | undefined {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || successes > trials) {
    throw new RangeError(`need 0 ≤ successes ≤ trials, integers: got ${successes} of ${trials}`);
  }
  if (trials === 0) return undefined;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // At 0 or n successes the bound is exactly 0 or 1; floating point leaves 1e-17 off.
  return { low: successes === 0 ? 0 : centre - half, high: successes === trials ? 1 : centre + half };
}

/** A week's QA samples (ISO week, UTC): drawn, checked, and found bad. */
export interface QaWeekCounts {
  /** ISO 8601 week, e.g. '2026-W48'. */
  week: string;
  /** Its Monday, 'YYYY-MM-DD'. */
  start: string;
  sampled: number;
  reviewed: number;
  /** Checked and marked spam or toxic. */
  bad: number;
}

/** The share of bad comments among auto-approved ones, from the checked samples; null where none was checked. */
export interface BadShareEstimate {
  sampled: number;
  reviewed: number;
  bad: number;
  share: number | null;
  low: number | null;
  high: number | null;
}

export type QaWeekEstimate = QaWeekCounts & BadShareEstimate;

export interface QaEstimate {
  weeks: QaWeekEstimate[];
  /** All the weeks listed, pooled. */
  overall: BadShareEstimate;
}

function estimate(sampled: number, reviewed: number, bad: number): BadShareEstimate {
  const interval = wilsonInterval(bad, reviewed);
  return { sampled, reviewed, bad, share: interval ? bad / reviewed : null, low: interval?.low ?? null, high: interval?.high ?? null };
}

/**
 * Per week and pooled: the share of checked samples marked bad, with its
 * 95 % Wilson interval. It estimates the share of bad comments among all
 * auto-approved ones because samples are drawn uniformly at random from
 * them; it stays fair only if the samples checked are not hand-picked (check
 * a week's samples in the order listed, or all of them), and the pooled
 * figure only while the sample rate was the same across the weeks.
 */
export function estimateBadShare(weeks: readonly QaWeekCounts[]): QaEstimate {
  const total = weeks.reduce((sum, w) => ({ sampled: sum.sampled + w.sampled, reviewed: sum.reviewed + w.reviewed, bad: sum.bad + w.bad }), { sampled: 0, reviewed: 0, bad: 0 });
  return {
    weeks: weeks.map((w) => ({ ...w, ...estimate(w.sampled, w.reviewed, w.bad) })),
    overall: estimate(total.sampled, total.reviewed, total.bad),
  };
}
