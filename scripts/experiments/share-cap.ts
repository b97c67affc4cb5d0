// How far the spam models' "share" weight may go: trains the shipped English
// spam recipe once, then caps the weight at several values and prints Eminem
// dev ROC-AUC and the spam probability of polite "thanks for sharing" comments.
// Usage: npx tsx scripts/experiments/share-cap.ts
import path from 'node:path';
import { ANALYSERS } from '../../packages/core/src/scoring/analysers/registry';
import { wordBucket } from '../../packages/core/src/scoring/features';
import { predictProbability } from '../../packages/core/src/scoring/linear-model';
import { loadCorpora } from '../../packages/training/src/corpora';
import { rocAuc } from '../../packages/training/src/metrics';
import { cachedFeaturiser, trainModel } from '../../packages/training/src/train-model';
import { TRAINING_PLAN } from '../../packages/training/src/training-plan';

const base = TRAINING_PLAN.en!.spam;
const { train, calibration, dev } = loadCorpora(path.resolve(__dirname, '../../../shared/data')).en!.spam;
const featurise = cachedFeaturiser(ANALYSERS.en!, base.hashBits);
const model = trainModel(base, train, calibration, featurise);
const bucket = wordBucket('share', base.hashBits);
const learned = model.weights[bucket]!;
const eminem = dev.filter((r) => r.source === 'youtube-eminem');
const polite = ['Thanks for sharing!', 'Thank you for sharing this.', 'Thanks for sharing, very informative.', 'Thanks for sharing this article, very helpful.', 'Great article, thanks for sharing. I was at the rally too.', 'Appreciate you sharing this.', 'Thanks for sharing your insight, well said.'];
for (const cap of [0, 1, 2, 3, 4, learned]) {
  model.weights[bucket] = Math.min(learned, cap);
  const auc = rocAuc(eminem.map((r) => predictProbability(model, featurise(r.text))), eminem.map((r) => r.label));
  console.log(`share capped at ${cap.toFixed(2)}: Eminem ${auc.toFixed(4)}; polite [${polite.map((t) => predictProbability(model, featurise(t)).toFixed(2)).join(' ')}]`);
}
