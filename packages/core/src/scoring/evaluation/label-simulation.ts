import { predictProbability } from '../linear-model';
import type { LabeledText } from '../training/dataset';
import { rocAuc, thresholdMetrics } from '../training/metrics';
import { seededRandom } from '../training/sgd-trainer';
import { MODERATOR_SOURCE, trainModel, type Featuriser, type TaskConfig } from '../training/train-model';

/** Held-out quality after training with a number of simulated moderator labels. */
export interface SimulationPoint {
  labels: number;
  rocAuc: number;
  f1AtHalf: number;
}

/**
 * Simulates a site whose moderators label comments: dev (a source the
 * training file never saw) is split in two halves. One half is the pool
 * moderators label from, in a seeded random order; the other is only ever
 * scored. For each count, the model is trained on train + that many pool
 * rows (as `moderator` rows, weighted as `npm run train --labels-from-db`
 * weighs them) and calibrated on the pool, as a site would.
 */
export function simulateModeratorLabels(config: TaskConfig, train: readonly LabeledText[], dev: readonly LabeledText[], counts: readonly number[], featurise: Featuriser): SimulationPoint[] {
  const pool = dev.filter((_, i) => i % 2 === 0);
  const test = dev.filter((_, i) => i % 2 === 1);
  const random = seededRandom(7);
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const labels = test.map((row) => row.label);
  return counts.map((count) => {
    const moderated = pool.slice(0, count).map((row) => ({ ...row, source: MODERATOR_SOURCE }));
    const model = trainModel(config, [...train, ...moderated], pool, featurise);
    const probabilities = test.map((row) => predictProbability(model, featurise(row.text)));
    return { labels: moderated.length, rocAuc: rocAuc(probabilities, labels), f1AtHalf: thresholdMetrics(probabilities, labels, 0.5).f1 };
  });
}
