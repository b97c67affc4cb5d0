// Chooses the Russian toxicity and spam recipes: features once, a small grid
// of SGD settings scored by dev ROC-AUC (toxicity) and 5-fold
// cross-validated ROC-AUC (spam-ru, too small for a dev split), then the
// chosen toxicity model on hand-written political and insulting sentences.
// Usage: npx tsx scripts/experiments/russian-toxicity.ts [--quick | --chosen]
// (--chosen runs only the recipe the full grid picked, as MODEL.md reports it).
import path from 'node:path';
import type { SparseVector } from '../../packages/core/src/scoring/features';
import { rawScore, type LinearModel } from '../../packages/core/src/scoring/linear-model';
import { russianFeatures } from '../../packages/core/src/scoring/russian-features';
import { readLabeledJsonl, type LabeledText } from '../../packages/training/src/dataset';
import { rocAuc } from '../../packages/training/src/metrics';
import { foldRatioIntoWeights, nbLogCountRatio, scaleByRatio } from '../../packages/training/src/nb-ratio';
import { applyPlatt, fitPlatt } from '../../packages/training/src/platt';
import { trainLogisticRegression, type Example, type SgdOptions } from '../../packages/training/src/sgd-trainer';

const DATA = path.join(__dirname, '..', '..', '..', 'shared', 'data');
const HASH_BITS = 18;
const SEED = 20251125;
const QUICK = process.argv.includes('--quick');
// The full grid's pick for both tasks (toxicity dev 0.9848, spam-ru 5-fold 0.988).
const CHOSEN: Setting = { epochs: 10, learningRate: 0.2, l2: 1e-4, nbRatio: false, positiveWeight: 1 };

interface Setting { epochs: number; learningRate: number; l2: number; nbRatio: boolean; positiveWeight: number }

function examplesOf(rows: readonly LabeledText[], featurise: (t: string) => SparseVector): Example[] {
  return rows.map((row) => ({ vector: featurise(row.text), label: row.label }));
}

function train(examples: readonly Example[], s: Setting): LinearModel {
  const options: SgdOptions = { hashBits: HASH_BITS, epochs: s.epochs, learningRate: s.learningRate, l2: s.l2, seed: SEED, positiveWeight: s.positiveWeight };
  const ratio = s.nbRatio ? nbLogCountRatio(examples, HASH_BITS) : undefined;
  const used = ratio ? examples.map((e) => ({ ...e, vector: scaleByRatio(e.vector, ratio) })) : examples;
  const trained = trainLogisticRegression(used, options);
  const weights = ratio ? foldRatioIntoWeights(trained.weights, ratio) : trained.weights;
  return { hashBits: HASH_BITS, weights, bias: trained.bias, calibration: { slope: 1, intercept: 0 } };
}

/** Share of positives caught at the threshold that holds at most `cleanShare` of the negatives. */
function caughtAtCleanShare(scores: readonly number[], labels: readonly number[], cleanShare: number): { threshold: number; caught: number; cleanHeld: number } {
  const clean = scores.filter((_, i) => labels[i] === 0).sort((a, b) => b - a);
  const threshold = clean[Math.floor(clean.length * cleanShare)]!;
  const flagged = (i: number): boolean => scores[i]! > threshold;
  const positives = labels.filter((y) => y === 1).length;
  const caught = labels.filter((y, i) => y === 1 && flagged(i)).length / positives;
  const cleanHeld = labels.filter((y, i) => y === 0 && flagged(i)).length / clean.length;
  return { threshold, caught, cleanHeld };
}

function grid(): Setting[] {
  if (process.argv.includes('--chosen')) return [CHOSEN];
  const settings: Setting[] = [];
  for (const epochs of QUICK ? [5] : [3, 6, 10])
    for (const learningRate of QUICK ? [0.1] : [0.05, 0.2])
      for (const l2 of QUICK ? [1e-5] : [1e-5, 1e-4])
        // NB scaling lost on both sets in the quick run (0.978 vs 0.980, 0.972 vs 0.987).
        for (const nbRatio of QUICK ? [false, true] : [false]) settings.push({ epochs, learningRate, l2, nbRatio, positiveWeight: 1 });
  return settings;
}

const describe = (s: Setting): string => `epochs=${s.epochs} rate=${s.learningRate} l2=${s.l2} nb=${s.nbRatio} pw=${s.positiveWeight}`;

// Political criticism and reporting (clean) and insults (toxic), written for this check.
const POLITICAL = [
  'Режим коррумпирован, полиция избивала протестующих.',
  'Власти арестовали оппозиционных журналистов.',
  'Выборы были сфальсифицированы.',
  'Правительство годами скрывало масштабы коррупции в армии.',
  'Полиция задержала более ста человек на митинге в центре города.',
  'Суд приговорил активиста к пяти годам колонии за пост в соцсетях.',
  'Президент снова продлил свои полномочия, оппозиция называет это узурпацией власти.',
  'Война унесла тысячи жизней, а чиновники продолжают воровать.',
  'Назарбаевский режим уничтожил независимую прессу.',
  'Депутаты проголосовали за закон об иностранных агентах, критики говорят о цензуре.',
];
const INSULTS = [
  'Ты идиот и продажный тролль',
  'Заткнись, дебил, тебя никто не спрашивал',
  'Иди нахуй со своим мнением',
  'Автор пидор и мудак',
  'Ты тупая сука, вали отсюда',
  'Какой же ты конченый долбоеб',
  'Эти журналисты мрази и твари',
  'Пошел ты, урод, пи3дец ты тупой',
];

function toxicity(): void {
  const trainRows = readLabeledJsonl(path.join(DATA, 'toxicity-ru', 'train.jsonl'));
  const devRows = readLabeledJsonl(path.join(DATA, 'toxicity-ru', 'dev.jsonl'));
  const started = Date.now();
  const cache = new Map<string, SparseVector>();
  const featurise = (t: string): SparseVector => cache.get(t) ?? cache.set(t, russianFeatures(t, HASH_BITS)).get(t)!;
  const trainExamples = examplesOf(trainRows, featurise);
  const devVectors = devRows.map((r) => featurise(r.text));
  const devLabels = devRows.map((r) => r.label);
  console.log(`toxicity-ru: ${trainRows.length} train, ${devRows.length} dev rows featurised in ${Date.now() - started} ms`);
  let best: { setting: Setting; auc: number; model: LinearModel } | undefined;
  for (const setting of grid()) {
    const model = train(trainExamples, setting);
    const auc = rocAuc(devVectors.map((v) => rawScore(model, v)), devLabels);
    console.log(`  ${describe(setting)}  dev ROC-AUC ${auc.toFixed(4)}`);
    if (!best || auc > best.auc) best = { setting, auc, model };
  }
  const { model, setting, auc } = best!;
  const devScores = devVectors.map((v) => rawScore(model, v));
  const point = caughtAtCleanShare(devScores, devLabels, 0.1);
  console.log(`best: ${describe(setting)}  dev ROC-AUC ${auc.toFixed(4)}; at ≤10 % clean held: ${(point.cleanHeld * 100).toFixed(1)} % clean held, ${(point.caught * 100).toFixed(1)} % toxic caught`);
  // Platt on dev only to read these sentences as probabilities.
  const calibration = fitPlatt(devScores, devLabels);
  const probability = (t: string): number => applyPlatt(calibration, rawScore(model, russianFeatures(t, HASH_BITS)));
  const thresholdProbability = applyPlatt(calibration, point.threshold);
  console.log(`calibrated (Platt on dev) threshold at 10 % clean held: ${thresholdProbability.toFixed(3)}`);
  for (const [name, texts] of [['political (clean)', POLITICAL], ['insults (toxic)', INSULTS]] as const) {
    console.log(name);
    for (const t of texts) console.log(`  ${probability(t).toFixed(3)}  ${t}`);
  }
}

function spam(): void {
  const rows = readLabeledJsonl(path.join(DATA, 'spam-ru', 'train.jsonl'));
  const examples = examplesOf(rows, (t) => russianFeatures(t, HASH_BITS));
  const folds = 5;
  let best: { setting: Setting; auc: number } | undefined;
  for (const setting of grid()) {
    const scores = new Array<number>(rows.length);
    for (let f = 0; f < folds; f += 1) {
      const model = train(examples.filter((_, i) => i % folds !== f), setting);
      examples.forEach((e, i) => { if (i % folds === f) scores[i] = rawScore(model, e.vector); });
    }
    const auc = rocAuc(scores, rows.map((r) => r.label));
    console.log(`  spam-ru ${describe(setting)}  5-fold ROC-AUC ${auc.toFixed(4)}`);
    if (!best || auc > best.auc) best = { setting, auc };
  }
  console.log(`spam-ru best: ${describe(best!.setting)}  5-fold ROC-AUC ${best!.auc.toFixed(4)}`);
}

if (!process.argv.includes('--spam-only')) toxicity();
if (!process.argv.includes('--toxicity-only')) spam();
