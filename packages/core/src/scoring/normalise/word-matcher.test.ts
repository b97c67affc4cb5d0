import { foldText } from './fold-text';
import { compileWordMatcher } from './word-matcher';

describe('foldText', () => {
  it('decodes entities, drops invisible characters, folds width, look-alikes and l33t, and maps back to the body', () => {
    const body = 'Ｉ&amp;m a 1d\u200B10t, ѕhit!';
    const folded = foldText(body);
    expect(folded.text).toBe('i&m a idiot, shit!');
    // "&amp;" is one folded character standing for five in the body.
    expect([folded.origin?.[1], folded.originEnd?.[1], folded.origin?.[2]]).toEqual([1, 6, 6]);
  });

  it('folds a Russian comment in linear time', () => {
    const sentence = 'Полиция задержала участников митинга у здания администрации. ';
    // The least CPU time of eleven warm runs: a shared machine only ever adds to it.
    const cost = (body: string) => {
      for (let i = 0; i < 20; i += 1) foldText(`${body} warm ${i}`);
      return Math.min(
        ...Array.from({ length: 11 }, (_, i) => {
          const started = process.cpuUsage();
          foldText(`${body} ${i}`);
          const { user, system } = process.cpuUsage(started);
          return (user + system) / 1000;
        }),
      );
    };
    const short = cost(sentence.repeat(8));
    const long = cost(sentence.repeat(80));
    // Ten times the text, about ten times the time (quadratic would be a hundred);
    // compared in one run, so the machine's speed cancels out. ~4,900 characters
    // fold in ~1 ms on an idle core.
    expect(long / Math.max(short, 0.05)).toBeLessThan(25);
    expect(long).toBeLessThan(20);
  });

  it('leaves numbers, prices and ordinals alone', () => {
    expect(foldText('Call 0800 123 456, £1000prize, 1st and 4th, $5').text).toBe('call 0800 123 456, £1000prize, 1st and 4th, $5');
  });
});

describe('compileWordMatcher', () => {
  const sut = compileWordMatcher(['idiot', 'Jerk Off']);

  it('finds whole words through case, l33t, repeats, spacing and look-alikes, with body spans', () => {
    const body = 'You 1d10t, i d i o t, IDIOOOT, іdіot, jerk   off';
    expect(sut.find(body)).toEqual([
      { word: 'idiot', start: 4, end: 9, text: '1d10t' },
      { word: 'idiot', start: 11, end: 20, text: 'i d i o t' },
      { word: 'idiot', start: 22, end: 29, text: 'IDIOOOT' },
      { word: 'idiot', start: 31, end: 36, text: 'іdіot' },
      { word: 'jerk off', start: 38, end: 48, text: 'jerk   off' },
    ]);
  });

  it('matches whole words only, and never across words', () => {
    expect(sut.find('idiotic idiots, the kid i ottoman')).toEqual([]);
    expect(compileWordMatcher(['shit']).find('this hit, is hit')).toEqual([]);
  });

  it('gives correct spans after characters that fold to several or none', () => {
    const body = '\u200B\u200Bﬁne idiot';
    const [hit] = sut.find(body);
    expect(body.slice(hit!.start, hit!.end)).toBe('idiot');
  });

  it('matches a word with doubled letters through longer runs, never through shorter ones', () => {
    const lists = compileWordMatcher(['xxx', 'ass']);
    expect(lists.find('xxxxxx assss').map((m) => m.word)).toEqual(['xxx', 'ass']);
    expect(lists.find('xx as')).toEqual([]);
  });

  it('answers in linear time on a long run of a listed letter', () => {
    const started = performance.now();
    expect(compileWordMatcher(['xxx', 'www', 'aaaaaaaaaa']).find('x'.repeat(5_000) + 'y')).toEqual([]);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('returns at most 100 hits', () => {
    expect(compileWordMatcher(['idiot']).find('idiot '.repeat(500))).toHaveLength(100);
  });

  it('looks a comment up against a 5,000-word list in well under 50 ms (a combined regex took seconds at 500 words and would not compile at 5,000)', () => {
    let seed = 7;
    const letter = () => 'abcdefghijklmnopqrstuvwxyz'[(seed = (seed * 1103515245 + 12345) % 2147483648) % 26]!;
    const list = Array.from({ length: 5_000 }, () => Array.from({ length: 8 }, letter).join(''));
    const sut = compileWordMatcher([...list, 'permit']);
    const started = performance.now();
    const hits = sut.find('Thanks for the careful write-up of the rally; the part about the permit was new to me.');
    expect(performance.now() - started).toBeLessThan(50);
    expect(hits.map((h) => h.word)).toEqual(['permit']);
  });

  it('matches inflections only when asked, and keeps doubled letters', () => {
    const lexicon = compileWordMatcher(['idiot', 'mess'], { inflections: true });
    expect(lexicon.find('idiots messes idiotic').map((m) => m.word)).toEqual(['idiot', 'mess']);
    expect(sut.find('idiots')).toEqual([]);
  });

  it('takes the longest entry at a place, and phrases only across white space', () => {
    const lists = compileWordMatcher(['jerk', 'jerk off']);
    expect(lists.find('jerk off, jerk-off, jerk').map((m) => [m.word, m.text])).toEqual([
      ['jerk off', 'jerk off'],
      ['jerk', 'jerk'],
      ['jerk', 'jerk'],
    ]);
  });
});
