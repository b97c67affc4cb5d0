import { htmlToPlainText as sut } from './html-to-plain-text';

describe('htmlToPlainText', () => {
  it.each([
    ['paragraphs become blank lines, <br> a line break', '<p>Hello <b>world</b></p><p>Second<br>line</p>', 'Hello world\n\nSecond\nline'],
    ['a plain body keeps its line breaks (WordPress keeps comments as typed)', 'line one\nline two\n\nnew paragraph', 'line one\nline two\n\nnew paragraph'],
    ['a <br /> ending a line is one break, not two', 'one<br />\ntwo', 'one\ntwo'],
    ['Windows line ends become \\n', 'one\r\ntwo', 'one\ntwo'],
    ['a link keeps its text and URL', 'See <a href="https://x.org/a?b=1&amp;c=2">this</a>.', 'See this (https://x.org/a?b=1&c=2).'],
    ['a link whose text is its URL is written once', '<a href="https://x.org"><b>https://x.org</b></a>', 'https://x.org'],
    ['javascript: and mailto: links keep only their text', '<a href="javascript:alert(1)">click</a> <a href="mailto:me@example.org">mail me</a>', 'click mail me'],
    ['scripts, styles and images are dropped', '<script>alert(1)</script><style>p{}</style>ok <img src="x.png" alt="pic">', 'ok'],
    ['entities are decoded, a lone < stays text', 'a &lt; b, 3 > 2 &amp; caf&eacute; <3', 'a < b, 3 > 2 & café <3'],
    ['quotes, headings and lists are plain paragraphs and lines', '<blockquote>quoted</blockquote><h2>Title</h2><ul><li>one</li><li>two</li></ul>end', 'quoted\n\nTitle\n\none\ntwo\n\nend'],
    ['at most one blank line in a row', '<p>a</p>\n\n\n<p>b</p>', 'a\n\nb'],
    ['control characters go, as at intake', 'a\u0000b\u0007c', 'abc'],
  ])('%s', (_, html, text) => {
    expect(sut(html)).toBe(text);
  });

  it('never leaves a tag in the text', () => {
    const text = sut('<div onclick="x()"><span style="color:red">red</span> <iframe src="https://evil.example"></iframe><form><input value="v"></form></div>');
    expect(text).toBe('red');
  });
});
