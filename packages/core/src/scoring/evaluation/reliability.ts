/** One bin of a reliability table. */
export interface ReliabilityBin {
  from: number;
  to: number;
  n: number;
  meanPredicted: number;
  observedRate: number;
}

/**
 * Groups predictions into equal-width probability bins and compares the
 * mean prediction with the observed positive rate: a calibrated model has
 * the two close in every well-filled bin.
 */
export function reliabilityTable(probabilities: readonly number[], labels: readonly number[], bins = 10): ReliabilityBin[] {
  const table = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, n: 0, sumP: 0, sumY: 0 }));
  probabilities.forEach((p, i) => {
    const bin = table[Math.min(bins - 1, Math.floor(p * bins))]!;
    bin.n += 1;
    bin.sumP += p;
    bin.sumY += labels[i]!;
  });
  return table.map((b) => ({ from: b.from, to: b.to, n: b.n, meanPredicted: b.n ? b.sumP / b.n : Number.NaN, observedRate: b.n ? b.sumY / b.n : Number.NaN }));
}

/** Markdown lines for a reliability table (empty bins left out). */
export function formatReliability(table: readonly ReliabilityBin[]): string[] {
  const lines = ['| bin | n | mean predicted | observed |', '|---|---|---|---|'];
  for (const b of table) {
    if (b.n === 0) continue;
    lines.push(`| ${b.from.toFixed(1)}–${b.to.toFixed(1)} | ${b.n} | ${b.meanPredicted.toFixed(3)} | ${b.observedRate.toFixed(3)} |`);
  }
  return lines;
}
