import { LINK_TOKEN, analyseText, normaliseText } from './text';

describe('normaliseText', () => {
  it('removes dataset artefacts: entities, retweets, mentions, placeholders, tags', () => {
    expect(normaliseText('!!! RT @maya_s: tea &amp; cake &#128514;')).toBe('!! tea & cake 😂');
    expect(normaliseText('@USER @USER Go home URL')).toBe(`go home ${LINK_TOKEN}`);
    expect(normaliseText('I always come back<br />to this')).toBe('i always come back to this');
  });

  it('maps every kind of link to one token', () => {
    for (const link of ['http://bit.ly/xyz', 'https://example.org/a?b=c', 'www.shop.net', 'pimpmyviews. com']) {
      expect(normaliseText(`see ${link} now`)).toBe(`see ${LINK_TOKEN} now`);
    }
  });

  it('applies NFKC, lower-cases, strips invisible characters and squeezes repeats', () => {
    expect(normaliseText('ＦＲＥＥ i\u200Bdi\u00ADot\uFEFF')).toBe('free idiot');
    expect(normaliseText('Sooooo GOOOD!!!!!! 1000000')).toBe('soo good!! 1000000');
  });
});

describe('analyseText', () => {
  it('returns tokens with stems, kinds and offsets into the normalised text', () => {
    const { text, tokens } = analyseText('Subscribing to channels!!! f**k http://x.co 😂');
    expect(tokens.map((t) => [t.text, t.stem, t.kind])).toEqual([
      ['subscribing', 'subscrib', 'word'],
      ['to', 'to', 'word'],
      ['channels', 'channel', 'word'],
      ['!', '!', 'punct'],
      ['!', '!', 'punct'],
      ['f**k', 'f**k', 'word'],
      [LINK_TOKEN, LINK_TOKEN, 'link'],
      ['😂', '😂', 'emoji'],
    ]);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('folds digits in stems so phone numbers share features', () => {
    expect(analyseText('call 09061701461').tokens[1]!.stem).toBe('00000000000');
  });
});
