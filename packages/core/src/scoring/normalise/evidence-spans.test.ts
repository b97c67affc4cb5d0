import { findEvidenceSpans } from './evidence-spans';

describe('findEvidenceSpans', () => {
  it('finds one- and two-word n-grams through case, repeats, l33t and look-alikes, in body order', () => {
    const body = 'Shut   up, you IDIOOOT. 1d10t! іdіot';
    expect(findEvidenceSpans(body, ['idiot', 'shut up'])).toEqual([
      { start: 0, end: 9, text: 'Shut   up' },
      { start: 15, end: 22, text: 'IDIOOOT' },
      { start: 24, end: 29, text: '1d10t' },
      { start: 31, end: 36, text: 'іdіot' },
    ]);
  });

  it('matches whole words only', () => {
    expect(findEvidenceSpans('idiotic idiots', ['idiot'])).toEqual([]);
  });

  it('maps spans back through characters that fold to several or none', () => {
    const body = '&amp;\u200B ﬁne idiot';
    const [span] = findEvidenceSpans(body, ['idiot']);
    expect(body.slice(span!.start, span!.end)).toBe('idiot');
  });

  it('gives no span for the link token or features without letters or digits', () => {
    expect(findEvidenceSpans('a link: http://x.example !!!', ['[link]', '!'])).toEqual([]);
  });
});
