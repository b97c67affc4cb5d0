import type { SiteExportComment } from '@moderato/db';
import { WxrWriter, xmlText } from './wxr-writer';

const comment = (overrides: Partial<SiteExportComment> = {}): SiteExportComment => ({
  id: '00000000-0000-4000-8000-000000000001',
  number: 1,
  articleId: '/2019/05/hello/',
  parentId: null,
  parentNumber: null,
  name: 'Ann',
  body: 'Hello',
  status: 'approved',
  markedSpam: false,
  createdAt: '2019-05-02T09:00:00.000Z',
  decidedAt: '2019-05-02T09:00:01.000Z',
  erased: false,
  importedFrom: null,
  ...overrides,
});

describe('WxrWriter', () => {
  it('writes one item per article, with links under the site origin and the article id as Disqus thread identifier', () => {
    const sut = new WxrWriter({ id: 'blog', name: 'Blog & Co', origin: 'https://blog.example.org' });
    const xml = sut.header() + sut.comment(comment(), null) + sut.comment(comment({ number: 2, parentNumber: 1 }), null) + sut.comment(comment({ number: 3, articleId: 'slug-only' }), null) + sut.footer();
    expect(xml.match(/<item>/g)).toHaveLength(2);
    expect(xml).toContain('<title>Blog &amp; Co</title>');
    expect(xml).toContain('<link>https://blog.example.org/2019/05/hello/</link>');
    expect(xml).toContain('<dsq:thread_identifier>slug-only</dsq:thread_identifier>');
    expect(xml).toContain('<wp:comment_parent>1</wp:comment_parent>');
    expect(xml.trimEnd().endsWith('</channel>\n</rss>')).toBe(true);
  });

  it('keeps a body as text: markup typed in a comment reaches WordPress escaped, twice (HTML, then XML)', () => {
    const sut = new WxrWriter({ id: 'blog', name: 'Blog', origin: null });
    expect(sut.comment(comment({ body: '<script>x</script> & 3 > 2' }), null)).toContain('<wp:comment_content>&amp;lt;script&amp;gt;x&amp;lt;/script&amp;gt; &amp;amp; 3 &amp;gt; 2</wp:comment_content>');
  });

  it.each([
    ['approved', false, '1'],
    ['held', false, '0'],
    ['rejected', true, 'spam'],
    ['rejected', false, 'trash'],
  ] as const)('writes a %s comment (spam label %s) as comment_approved %s', (status, markedSpam, value) => {
    const sut = new WxrWriter({ id: 'blog', name: 'Blog', origin: null });
    expect(sut.comment(comment({ status, markedSpam }), null)).toContain(`<wp:comment_approved>${value}</wp:comment_approved>`);
  });

  it('drops what XML cannot carry', () => {
    expect(xmlText('a\uFFFEb\u0001c"')).toBe('abc&quot;');
  });
});
