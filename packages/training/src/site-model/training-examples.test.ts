import { loadModelBundle, type TrainingLabel } from '@moderato/core';
import { classifyText } from '@moderato/core/src/scoring/text-classifier';
import { takeTurns } from './event-loop-turn';
import { buildExamples, modelLanguage } from './training-examples';

const base = loadModelBundle();
const label = (body: string, language: string | null, spam: boolean | null, toxic: boolean | null): TrainingLabel => ({
  id: body,
  body,
  language,
  spam,
  toxic,
  labelledAt: new Date(0),
});

describe('modelLanguage', () => {
  it.each([
    ['en', 'en'],
    ['ru', 'ru'],
    ['und', 'en'],
    ['kk', undefined],
  ])('reads a comment stored as %s with the %s models', (stored, expected) => {
    expect(modelLanguage(label('+1', stored, false, false), base)).toBe(expected);
  });

  it('detects the language of a comment stored before detection, as the scorer would', () => {
    expect(modelLanguage(label('Спасибо за статью, очень интересно', null, false, false), base)).toBe('ru');
    expect(modelLanguage(label('Thanks for the article', null, false, false), base)).toBe('en');
  });
});

describe('buildExamples', () => {
  it('gives each kind the labels that say something about it, with the base model’s calibrated logit', async () => {
    const approved = label('Thanks for the update on the harbour works', 'en', false, false);
    const spam = label('Cheap roofing, call 709-555-0101 now', 'en', true, null);
    const abuse = label('you worthless idiot', 'en', null, true);

    const sut = (await buildExamples([approved, spam, abuse, label('Не понял', 'kk', false, false)], base, takeTurns())).get('en')!;

    expect([...(await buildExamples([approved, spam, abuse], base, takeTurns())).keys()]).toEqual(['en']);
    expect(sut.spam.map((e) => e.label)).toEqual([0, 1]);
    expect(sut.toxic.map((e) => e.label)).toEqual([0, 1]);
    const logit = (p: number) => Math.log(p / (1 - p));
    expect(sut.spam[1]!.offset).toBeCloseTo(logit(classifyText(base.languages.en!, 'spam', spam.body).probability), 6);
    expect(sut.toxic[1]!.offset).toBeCloseTo(logit(classifyText(base.languages.en!, 'toxicity', abuse.body).probability), 6);
  });
});
