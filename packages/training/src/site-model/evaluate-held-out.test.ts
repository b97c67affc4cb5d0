import { DEFAULT_SITE_SETTINGS, loadModelBundle, type TrainingLabel } from '@moderato/core';
import { takeTurns } from './event-loop-turn';
import { evaluateOnHeldOut, evaluationSettings } from './evaluate-held-out';

const base = loadModelBundle();
const label = (body: string, spam: boolean | null, toxic: boolean | null): TrainingLabel => ({ id: body, body, language: 'en', spam, toxic, labelledAt: new Date(0) });
const held = [
  label('Thanks for the clear write-up of the council budget.', false, false),
  label('you are a worthless idiot, shut up you stupid moron', null, true),
  label('CHECK OUT MY CHANNEL!!! subscribe now http://bit.ly/xyz free money', true, null),
  // Says nothing about either class: neither clean nor bad.
  label('Not sure about this one.', null, null),
];

describe('evaluationSettings', () => {
  it('keeps the site’s bands and rules but not the holds that ignore the text', () => {
    const site = { ...DEFAULT_SITE_SETTINGS, premoderate: true, newCommenterHold: 2, holdWords: ['ferry'], spam: { approveBelow: 0.2, rejectAbove: 0.9 } };

    expect(evaluationSettings(site)).toEqual({ ...site, premoderate: false, newCommenterHold: 0 });
  });
});

describe('evaluateOnHeldOut', () => {
  it('scores the clean and bad labels through the whole pipeline with each bundle', async () => {
    const sut = await evaluateOnHeldOut(held, DEFAULT_SITE_SETTINGS, { live: base, candidate: base }, takeTurns());

    expect(sut.live).toEqual(sut.candidate);
    expect(sut.live).toMatchObject({ labels: 3, clean: 1, bad: 2, cleanHeld: 0, badApproved: 0, rocAuc: 1 });
  });

  it('applies the site’s rules to both: a hold word holds the clean comment', async () => {
    const settings = { ...DEFAULT_SITE_SETTINGS, holdWords: ['budget'], premoderate: true };

    const sut = await evaluateOnHeldOut(held, settings, { live: base, candidate: base }, takeTurns());

    expect(sut.live).toMatchObject({ clean: 1, cleanHeld: 1 });
  });
});
