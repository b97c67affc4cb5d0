import { LINK_TOKEN } from '../text';
import { analyseRussian, normaliseRussian as sut, stemRussian } from './russian';

describe('normaliseRussian', () => {
  it('applies NFKC, lower case and ё→е, and removes zero-width characters', () => {
    expect(sut('ЁЛКА Ещё')).toBe('елка еще');
    expect(sut('ху\u200Bй\uFEFF и\u00ADдиот')).toBe('хуй идиот');
    expect(sut('ｘуй')).toBe('хуй');
  });

  it('maps Latin and digit look-alikes inside Cyrillic words', () => {
    expect(sut('xуй')).toBe('хуй');
    expect(sut('пи3дец')).toBe('пиздец');
    expect(sut('cyка')).toBe('сука');
    expect(sut('6лять')).toBe('блять');
    expect(sut('Ты EБAНЫЙ')).toBe('ты ебаный');
  });

  it('leaves Latin words, numbers and numerals with suffixes alone', () => {
    expect(sut('Купил iPhone 15 за 3000 рублей')).toBe('купил iphone 15 за 3000 рублей');
    expect(sut('3х 4ый 2023года')).toBe('3х 4ый 2023года');
    expect(sut('Frее')).toBe('frее');
  });

  it('squeezes a letter repeated three or more times to one, keeping real double letters', () => {
    expect(sut('пиииииздец ооочень')).toBe('пиздец очень');
    expect(sut('длинный класс')).toBe('длинный класс');
  });

  it('joins letters spelled out with spaces, dots or dashes', () => {
    expect(sut('х у й')).toBe('хуй');
    expect(sut('б.л.я.т.ь')).toBe('блять');
    expect(sut('с-у-к-а')).toBe('сука');
    expect(sut('с у к а')).toBe('сука');
    expect(sut('x у й тебе')).toBe('хуй тебе');
  });

  it('does not join ordinary one-letter words or abbreviations', () => {
    expect(sut('а я в шоке')).toBe('а я в шоке');
    expect(sut('и т.д. и т.п.')).toBe('и т.д. и т.п.');
    expect(sut('к и с')).toBe('к и с');
  });

  it('maps links to one token and drops @handles', () => {
    expect(sut('Пиши @crypto_boss или https://t.me/abc, сайт money.ru')).toBe(`пиши или ${LINK_TOKEN} сайт ${LINK_TOKEN}`);
  });

  it('takes linear time on a hostile body', () => {
    analyseRussian('прогрев');
    for (const body of ['а.'.repeat(2_500), 'а '.repeat(2_500) + 'бв', 'x'.repeat(5_000), 'пи3'.repeat(1_700), 'a.b.'.repeat(1_250) + 'ru']) {
      // CPU time: the wall clock of a shared machine also counts waiting for a core.
      const started = process.cpuUsage();
      analyseRussian(body);
      const { user, system } = process.cpuUsage(started);
      expect((user + system) / 1000).toBeLessThan(50);
    }
  });
});

describe('analyseRussian', () => {
  it('returns tokens with Russian stems for Cyrillic and English stems for Latin words', () => {
    const { text, tokens } = analyseRussian('Журналисты арестованы!! Подробности: https://x.ru 😡 iPhones');
    expect(tokens.map((t) => [t.text, t.stem, t.kind])).toEqual([
      ['журналисты', 'журналист', 'word'],
      ['арестованы', 'арестова', 'word'],
      ['!', '!', 'punct'],
      ['!', '!', 'punct'],
      ['подробности', 'подробност', 'word'],
      [LINK_TOKEN, LINK_TOKEN, 'link'],
      ['😡', '😡', 'emoji'],
      ['iphones', 'iphon', 'word'],
    ]);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('gives every disguise of a word the same stem', () => {
    const stems = ['сука', 'cyка', 'СУУУКА', 'с у к а'].map((t) => analyseRussian(t).tokens[0]!.stem);
    expect(new Set(stems)).toEqual(new Set(['сук']));
  });

  it('stems digits folded to 0 and leaves very long words unstemmed', () => {
    expect(stemRussian('2023года')).toBe('0000год');
    expect(stemRussian('а'.repeat(41))).toBe('а'.repeat(41));
  });
});
