// Training and evaluation of the scorers in @moderato/core: used by
// `npm run train`, `npm run eval` and the bench, never by the worker.
export { loadCorpora, type Corpus } from './corpora';
export { readLabeledJsonl, type LabeledText } from './dataset';
export { rocAuc, brierScore, thresholdMetrics } from './metrics';
export { cachedFeaturiser, trainModel, MODERATOR_SOURCE, type Task, type TaskConfig } from './train-model';
export { TRAINING_PLAN } from './training-plan';
