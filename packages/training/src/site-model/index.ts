export { trainSiteModel, TooFewLabelsError, MIN_TRAINING_LABELS, MIN_LABELS_PER_CLASS, type SiteTrainingInput, type TrainedSiteModel } from './train-site-model';
export { HELD_OUT_SHARE } from './split-labels';
export { type TrainingPace } from './event-loop-turn';
