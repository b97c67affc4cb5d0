// Training and evaluation of the scorers in @moderato/core: the shipped
// models by `npm run train`, `npm run eval` and the bench; each site's
// adjustment to them (site-model/) by the worker's training queue.
export { loadCorpora, type Corpus } from './corpora';
export { readLabeledJsonl, type LabeledText } from './dataset';
export { rocAuc, brierScore, thresholdMetrics } from './metrics';
export { cachedFeaturiser, trainModel, MODERATOR_SOURCE, type Task, type TaskConfig } from './train-model';
export { TRAINING_PLAN } from './training-plan';
export * from './site-model';
