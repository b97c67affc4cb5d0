// Tries English toxicity and spam variants on dev: trains with the shipped
// recipe changed one setting at a time and prints each model's ROC-AUC on the
// news dev rows (toxicity) and on Eminem dev (spam), model scores only.
// Usage: npx tsx scripts/experiments/english-tuning.ts toxicity|spam [variant names…]
// (Polyak-averaged SGD weights were tried with a trainer option since
// removed: news 0.9135, Eminem 0.9745; see MODEL.md.)
import path from 'node:path';
import { ANALYSERS } from '../../packages/core/src/scoring/analysers/registry';
import { predictProbability, rawScore } from '../../packages/core/src/scoring/linear-model';
import { loadCorpora } from '../../packages/training/src/corpora';
import { rocAuc } from '../../packages/training/src/metrics';
import { cachedFeaturiser, trainModel, type TaskConfig } from '../../packages/training/src/train-model';
import { TRAINING_PLAN } from '../../packages/training/src/training-plan';
import { capPolitenessWeights, praiseHamTexts } from '../../packages/training/src/identity-terms';
import { wordBucket } from '../../packages/core/src/scoring/features';
import { POLITENESS_STEMS } from '../../packages/core/src/scoring/topic-words';

// Politeness variants: which half of the fix (clean praise rows, weight caps) is kept.
const praiseRows = () => praiseHamTexts().map((text, i) => ({ id: `p-${i}`, text, label: 0 as const, source: 'praise-ham' }));
const capPraiseOnly = (weights: Float32Array, bits: number) => {
  for (const stem of POLITENESS_STEMS) { const b = wordBucket(stem, bits); if (weights[b]! > 0) weights[b] = 0; }
};
const capPraiseAt = (limit: number) => (weights: Float32Array, bits: number) => {
  for (const stem of POLITENESS_STEMS) { const b = wordBucket(stem, bits); if (weights[b]! > limit) weights[b] = limit; }
};
const POST: Record<string, { rows?: boolean; cap?: (w: Float32Array, bits: number) => unknown }> = {
  'caps-only': { cap: capPolitenessWeights },
  'praise-caps-only': { cap: capPraiseOnly },
  'rows-only': { rows: true },
  'rows+praise-caps': { rows: true, cap: capPraiseOnly },
  'rows+cap-0.5': { rows: true, cap: capPraiseAt(0.5) },
  'rows+cap-1': { rows: true, cap: capPraiseAt(1) },
  'rows+cap-2': { rows: true, cap: capPraiseAt(2) },
};

const task = process.argv[2] === 'spam' ? 'spam' : 'toxicity';
const wanted = process.argv.slice(3);
const base = TRAINING_PLAN.en![task];
const sw = base.sourceWeights;
const VARIANTS: Record<string, Partial<TaskConfig>> = {
  shipped: {},
  'extra-0.3': { sourceWeights: { ...sw, 'civil-comments-toxic-spans': 0.3 } },
  'extra-1': { sourceWeights: { ...sw, 'civil-comments-toxic-spans': 1 } },
  'news-3': { sourceWeights: { ...sw, 'civil-comments-ccc': 3 } },
  'e3': { epochs: 3 },
  'e8': { epochs: 8 },
  'l2-1e-4': { l2: 1e-4 },
  'l2-1e-6': { l2: 1e-6 },
  'lr-0.05': { learningRate: 0.05 },
  'lr-0.2': { learningRate: 0.2 },
  'pos-2': { positiveWeight: 2 },
  nb: { nbRatio: true },
  'no-polite': { politenessFixes: false },
  'sp-l2-1e-4': { l2: 1e-4 },
  'sp-e15': { epochs: 15 },
  'caps-only': { politenessFixes: false },
  'praise-caps-only': { politenessFixes: false },
  'rows-only': { politenessFixes: false },
  'rows+praise-caps': { politenessFixes: false },
  'rows+cap-0.5': { politenessFixes: false },
  'rows+cap-1': { politenessFixes: false },
  'rows+cap-2': { politenessFixes: false },
};

const corpora = loadCorpora(path.resolve(__dirname, '../../../shared/data'));
const { train, calibration, dev } = corpora.en![task];
const featurise = cachedFeaturiser(ANALYSERS.en!, base.hashBits);
const sources = task === 'toxicity' ? ['civil-comments-ccc', 'olid-test'] : ['youtube-eminem'];
for (const name of wanted.length > 0 ? wanted : Object.keys(VARIANTS)) {
  const started = Date.now();
  const post = POST[name] ?? {};
  const model = trainModel({ ...base, ...VARIANTS[name]! }, post.rows ? [...train, ...praiseRows()] : train, calibration, featurise);
  post.cap?.(model.weights, base.hashBits);
  const figures = sources.map((source) => {
    const rows = dev.filter((r) => r.source === source);
    const auc = rocAuc(rows.map((r) => rawScore(model, featurise(r.text))), rows.map((r) => r.label));
    return `${source} ${auc.toFixed(4)}`;
  });
  if (task === 'spam') {
    const blog = dev.filter((r) => r.source === 'wordpress-blog-spam');
    const ham = dev.filter((r) => r.source === 'civil-comments-ham');
    const all = [...blog, ...ham];
    figures.push(`blog+news ${rocAuc(all.map((r) => rawScore(model, featurise(r.text))), all.map((r) => r.label)).toFixed(4)}`);
  }
  if (task === 'spam') {
    const polite = ['Thanks!', 'Great article, thanks for sharing. I was at the rally too.', 'Excellent piece, thanks', 'Great video, love it', 'Thank you so much!', 'Awesome, thanks for the update'];
    figures.push(`polite max ${Math.max(...polite.map((t) => predictProbability(model, featurise(t)))).toFixed(3)} [${polite.map((t) => predictProbability(model, featurise(t)).toFixed(2)).join(' ')}]`);
  }
  console.log(`${task} ${name}: ${figures.join(', ')} (${Date.now() - started} ms)`);
}
