import { loadModelBundle, type ModelBundle } from '@moderato/core';
import { trainSiteModel, type SiteTrainingInput, type TrainedSiteModel } from '@moderato/training';

/** What the processor sends the thread: everything but the shipped models, which the thread loads once. */
export type TrainingTask = Omit<SiteTrainingInput, 'base'>;

let base: ModelBundle | undefined;

/** Trains one site's candidate in the thread. */
export default async function trainInThread(task: TrainingTask): Promise<TrainedSiteModel> {
  base ??= loadModelBundle();
  return trainSiteModel({ ...task, base });
}
