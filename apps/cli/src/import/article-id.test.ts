import { ArticleIdError, articleIdOf, articlePath } from './article-id';
import type { SourceArticle } from './source-comment';

const post = (overrides: Partial<SourceArticle> = {}): SourceArticle => ({ link: 'https://blog.example.org/2019/05/hello-world/', slug: 'hello-world', id: '1', date: '', ...overrides });

describe('articlePath', () => {
  it.each([
    ['https://blog.example.org/2019/05/hello-world/', '/2019/05/hello-world/'],
    ['https://blog.example.org/2019/05/hello-world/?utm_source=feed#comments', '/2019/05/hello-world/'],
    ['https://blog.example.org/?p=123', '/?p=123'],
    ['https://blog.example.org/?page_id=7&replytocom=3', '/?page_id=7'],
    ['https://blog.example.org/caf%C3%A9/', '/café/'],
    ['https://blog.example.org/100%-sure/', '/100%-sure/'],
    ['https://blog.example.org', '/'],
  ])('%s → %s', (link, path) => {
    expect(articlePath(link)).toBe(path);
  });
});

describe('articleIdOf', () => {
  it('takes the path, the slug or the id', () => {
    expect(articleIdOf(post(), 'path')).toBe('/2019/05/hello-world/');
    expect(articleIdOf(post(), 'slug')).toBe('hello-world');
    expect(articleIdOf(post(), 'id')).toBe('1');
  });

  it.each([
    [post({ link: '' }), 'path' as const, /no URL/],
    [post({ slug: '' }), 'slug' as const, /no slug/],
    [post({ id: '' }), 'id' as const, /empty <id>/],
    [post({ id: 'x'.repeat(257) }), 'id' as const, /printable/],
  ])('refuses a post without that name: %#', (article, from, message) => {
    expect(() => articleIdOf(article, from)).toThrow(ArticleIdError);
    expect(() => articleIdOf(article, from)).toThrow(message);
  });
});
