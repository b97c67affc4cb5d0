import { DEFAULT_SITE_SETTINGS, loadModelBundle, type TrainingLabel } from '@moderato/core';
import { ANALYSERS } from '@moderato/core/src/scoring/analysers/registry';
import { localSiteLabels } from '../../../../test/support/local-site-labels';
import { MIN_TRAINING_LABELS, TooFewLabelsError, trainSiteModel, type SiteTrainingInput } from './train-site-model';

const base = loadModelBundle();
const start = Date.UTC(2026, 10, 1);
const CUTOFF = new Date(Date.UTC(2026, 11, 1));

function labelsOf(count: number, seed = 7): TrainingLabel[] {
  return localSiteLabels(count, seed).map((l, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    body: l.body,
    language: 'en',
    spam: l.spam,
    toxic: l.toxic,
    labelledAt: new Date(start + i * 60_000),
  }));
}

const input = (labels: TrainingLabel[], live: SiteTrainingInput['live'] = null): SiteTrainingInput => ({ labels, base, live, settings: DEFAULT_SITE_SETTINGS, cutoff: CUTOFF });

describe('trainSiteModel', () => {
  it('learns what the site’s moderators do and beats the shipped model on the newest labels', async () => {
    const sut = await trainSiteModel(input(labelsOf(400)));

    expect(sut.metrics.liveVersion).toBeNull();
    expect(sut.metrics.candidate.labels).toBe(80);
    expect(sut.metrics.candidate.agreement).toBeGreaterThan(sut.metrics.live.agreement + 0.2);
    expect(sut.metrics.candidate.cleanHeld).toBeLessThan(sut.metrics.live.cleanHeld);
    expect(sut.metrics.candidate.badApproved).toBeLessThan(sut.metrics.live.badApproved);
    expect(sut.trainingData).toMatchObject({ cutoff: CUTOFF.toISOString(), labels: 400, trainLabels: 320, heldOutLabels: 80, heldOutFrom: new Date(start + 320 * 60_000).toISOString() });
    expect(sut.trainingData.languages.en).toMatchObject({ spam: { learned: true }, toxic: { learned: true } });
    expect(Object.keys(sut.weights)).toEqual(['en']);
    expect(sut.weights.en?.featureScheme).toBe(ANALYSERS.en!.featureScheme);
  });

  it('gives the same weights for the same labels, in any order', async () => {
    const labels = labelsOf(200, 11);

    const first = await trainSiteModel(input(labels));
    const again = await trainSiteModel(input([...labels].reverse()));

    expect(again.weights).toEqual(first.weights);
    expect(again.metrics).toEqual(first.metrics);
  });

  it('leaves a kind to the shipped model when its training labels lack one class', async () => {
    // No trade spam: every spam label says "not spam".
    const labels = labelsOf(300, 3).filter((l) => l.spam !== true);

    const sut = await trainSiteModel(input(labels));

    expect(sut.trainingData.languages.en?.spam).toMatchObject({ yes: 0, learned: false });
    expect(sut.weights.en?.spam).toBeUndefined();
    expect(sut.weights.en?.toxicity).toBeDefined();
  });

  it('compares with the live site model when there is one', async () => {
    const labels = labelsOf(300, 5);
    const previous = await trainSiteModel(input(labels));

    const sut = await trainSiteModel(input(labels, { version: 4, weights: previous.weights }));

    expect(sut.metrics.liveVersion).toBe(4);
    // Live learned from the same labels: it decides as the candidate does, unlike the shipped model.
    expect(sut.metrics.live).toEqual(sut.metrics.candidate);
    expect(previous.metrics.live.agreement).toBeLessThan(sut.metrics.live.agreement);
  });

  it(`refuses fewer than ${MIN_TRAINING_LABELS} labels`, async () => {
    await expect(trainSiteModel(input(labelsOf(MIN_TRAINING_LABELS - 1)))).rejects.toThrow(TooFewLabelsError);
  });
});
