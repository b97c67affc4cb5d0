import { searchTsQuery } from './body-search';

describe('searchTsQuery', () => {
  it('requires every word, each also as a prefix', () => {
    expect(searchTsQuery('Casino  bonus')).toBe("'casino':* & 'bonus':*");
  });

  it('reads Russian words as words, lower-cased', () => {
    expect(searchTsQuery('Отличная СТАТЬЯ')).toBe("'отличная':* & 'статья':*");
  });

  it('quotes each word, so nothing typed is an operator, and drops quotes and backslashes', () => {
    expect(searchTsQuery("it's | !b:* (c) <-> d\\")).toBe("'its':* & 'b' & 'c' & 'd'");
  });

  it('keeps a word as Postgres splits bodies: a host name, a hyphenated word', () => {
    expect(searchTsQuery('example.org e-mail')).toBe("'example.org':* & 'e-mail':*");
  });

  it('has nothing to search without a letter or digit', () => {
    expect(searchTsQuery(" !? -- '' ")).toBeNull();
  });

  it('keeps at most eight words', () => {
    expect(searchTsQuery('w1 w2 w3 w4 w5 w6 w7 w8 w9 w10')?.split(' & ')).toHaveLength(8);
  });
});
