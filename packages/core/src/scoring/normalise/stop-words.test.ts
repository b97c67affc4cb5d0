import { isStopWord as sut, stopWords } from './stop-words';

describe('isStopWord', () => {
  it('knows English function words, natural’s list and the contractions it lacks', () => {
    for (const word of ['a', 'this', 'The', 'you', "you're", 'just']) expect(sut('en', word)).toBe(true);
    for (const word of ['idiot', 'write', 'police', 'regime']) expect(sut('en', word)).toBe(false);
  });

  it('knows Russian function words and pronouns, with ё and е alike', () => {
    for (const word of ['и', 'в', 'что', 'Ты', 'не', 'её', 'ее', 'ещё', 'это']) expect(sut('ru', word)).toBe(true);
    for (const word of ['идиот', 'режим', 'полиция', 'сука']) expect(sut('ru', word)).toBe(false);
  });

  it('has no stop words for a language without a list', () => {
    expect(sut('kk', 'және')).toBe(false);
    expect(stopWords('und').size).toBe(0);
  });
});
