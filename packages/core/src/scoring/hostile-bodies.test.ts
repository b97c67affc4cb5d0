import { DEFAULT_SITE_SETTINGS } from '../site-settings';
import { loadModelBundle } from './model-file';
import { createScorer } from './pipeline';

// Bodies built to make a backtracking matcher or a careless tokeniser slow.
// Site lists like these are common (spam lists carry "xxx" and "www").
const settings = { ...DEFAULT_SITE_SETTINGS, blockWords: ['xxx', 'www'], holdWords: ['aaaaaaaaaa', 'idiot', 'jerk off'] };
const LONG = 5_000;
// The case: one letter repeated, against lists holding it. 50 ms.
const repeatedLetters: Record<string, string> = {
  'one letter repeated, then another': 'x'.repeat(LONG) + 'y',
  'w repeated': 'w'.repeat(LONG),
  'a repeated, then a digit': 'a'.repeat(LONG) + '1',
};
// Other shapes built to be slow: thousands of one-letter words or labels are
// thousands of words to look up and tokens to featurise, linear but heavier
// (10-30 ms of CPU on an idle core). 200 ms.
const otherShapes: Record<string, string> = {
  'a listed word spaced out for ever': 'x '.repeat(LONG / 2),
  'dots between letters': 'i.d.i.o.'.repeat(LONG / 8),
  'two letters alternating': 'ab'.repeat(LONG / 2),
  'Cyrillic look-alike run': 'х'.repeat(LONG),
  'an entity repeated': '&amp;'.repeat(LONG / 5),
};
const cases = [
  ...Object.entries(repeatedLetters).map(([label, body]) => ({ label, body, limitMs: 50 })),
  ...Object.entries(otherShapes).map(([label, body]) => ({ label, body, limitMs: 200 })),
];

describe('scoring hostile bodies', () => {
  const sut = createScorer(loadModelBundle());
  // Warm the models and the compiled lists, so the figure is the body's cost.
  sut.score({ body: 'warm up', name: 'Ann', settings });

  it.each(cases)('scores $label (5,000 characters) in under $limitMs ms of CPU', ({ body, limitMs }) => {
    // Once untimed, as a running worker would have met such text before; then
    // the least CPU time of three runs: a shared machine only ever adds to
    // it, and a backtracking matcher takes minutes, not milliseconds.
    sut.score({ body, name: 'Ann', settings });
    const elapsed = [1, 2, 3].map(() => {
      const started = process.cpuUsage();
      sut.score({ body, name: 'Ann', settings });
      const { user, system } = process.cpuUsage(started);
      return (user + system) / 1000;
    });
    expect(Math.min(...elapsed)).toBeLessThan(limitMs);
  });

  it('still finds a listed word written with a run of its repeated letter', () => {
    const result = sut.score({ body: 'visit xxxxxxx now', name: 'Ann', settings });
    expect(result.decision).toBe('reject');
    expect(result.reasons[0]).toMatchObject({ code: 'block-word', matches: ['xxx'] });
  });
});
