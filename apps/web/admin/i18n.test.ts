import { describe, expect, it } from '@jest/globals';
import { formatMessage, pickLanguage } from './i18n.js';

const AVAILABLE = ['en', 'ru', 'pt-br'];

describe('pickLanguage', () => {
  it.each([
    { preferred: ['ru'], speaks: 'ru' },
    { preferred: ['ru-RU'], speaks: 'ru' },
    { preferred: ['RU_ru'], speaks: 'ru' },
    { preferred: ['pt-BR'], speaks: 'pt-br' },
    // The user's choice first, then the browser's languages in order.
    { preferred: [null, 'de-DE', 'de', 'ru', 'en'], speaks: 'ru' },
    { preferred: ['en', 'ru'], speaks: 'en' },
    { preferred: ['de', 'fr'], speaks: 'en' },
    { preferred: [undefined, ''], speaks: 'en' },
    { preferred: [], speaks: 'en' },
  ])('$preferred → $speaks', ({ preferred, speaks }) => {
    expect(pickLanguage(preferred, AVAILABLE)).toBe(speaks);
  });
});

describe('formatMessage', () => {
  const rules = (language: string) => ({ plurals: new Intl.PluralRules(language), numbers: new Intl.NumberFormat(language, { useGrouping: false }) });
  const comments = { one: 'Одобрен {count} комментарий.', few: 'Одобрено {count} комментария.', many: 'Одобрено {count} комментариев.', other: 'Одобрено {count} комментария.' };

  it('picks the Russian plural form by count', () => {
    const sut = (count: number) => formatMessage(comments, { count }, rules('ru'));
    expect([1, 2, 5, 11, 21, 22, 25].map(sut)).toEqual([
      'Одобрен 1 комментарий.', 'Одобрено 2 комментария.', 'Одобрено 5 комментариев.', 'Одобрено 11 комментариев.',
      'Одобрен 21 комментарий.', 'Одобрено 22 комментария.', 'Одобрено 25 комментариев.',
    ]);
  });

  it('fills placeholders once, leaving unknown ones and braces in the values as they are', () => {
    expect(formatMessage('{name} on {article} · {unknown}', { name: '{article}', article: 'post-1' }, rules('en'))).toBe('{article} on post-1 · {unknown}');
  });

  it('writes numbers the language’s way, without grouping', () => {
    expect(formatMessage('approve below {value} · v{version}', { value: 0.35, version: 1000 }, rules('ru'))).toBe('approve below 0,35 · v1000');
  });

  it('falls back to the other form, and to nothing for no message', () => {
    expect(formatMessage({ other: '{count} items' }, { count: 1 }, rules('en'))).toBe('1 items');
    expect(formatMessage(undefined, {}, rules('en'))).toBeUndefined();
  });
});
