import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readDisqusExport } from './disqus-export.reader';
import type { SourceComment, SourceEvent } from './source-comment';
import { readWordPressExport } from './wordpress-export.reader';

const FIXTURES = path.join(__dirname, '../../../../test/fixtures/import');
const wordpress = readFileSync(path.join(FIXTURES, 'wordpress.xml'), 'utf8');
const disqus = readFileSync(path.join(FIXTURES, 'disqus.xml'), 'utf8');

async function* inChunks(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function collect(events: AsyncIterable<SourceEvent[]>): Promise<{ comments: SourceComment[]; errors: Array<{ line: number; entry: string | null; error: string }> }> {
  const comments: SourceComment[] = [];
  const errors: Array<{ line: number; entry: string | null; error: string }> = [];
  for await (const found of events) for (const e of found) e.kind === 'comment' ? comments.push(e.comment) : errors.push(e.error);
  return { comments, errors };
}

describe('readWordPressExport', () => {
  it('reads every comment with its post, in file order', async () => {
    const { comments, errors } = await collect(readWordPressExport(inChunks(wordpress, 64 * 1024)));
    expect(errors).toEqual([]);
    expect(comments.map((c) => c.sourceId)).toEqual(['1', '3', '2', '4', '5', '6', '7', '8', '9', '10', '', '11', '21', '20']);
    const first = comments[0]!;
    expect(first).toMatchObject({
      line: wordpress.split('\n').findIndex((l) => l.includes('<wp:comment>')) + 1,
      parentSourceId: '0',
      article: { link: 'https://blog.example.org/2019/05/hello-world/', slug: 'hello-world', id: '1', date: '2019-05-01 08:00:00' },
      authorName: 'Ann Reader',
      authorEmail: 'ann.reader@example.net',
      authorIp: '203.0.113.7',
      date: '2019-05-02 09:00:00',
      verdict: 'approved',
      type: 'comment',
      xmlErrors: [],
    });
    expect(first.html).toContain('<a href="https://docs.example.org/guide"');
    expect(comments.map((c) => c.verdict)).toEqual(['approved', 'approved', 'approved', 'pending', 'spam', 'trash', 'approved', 'approved', 'approved', 'approved', 'approved', 'approved', 'approved', 'approved']);
    expect(comments.find((c) => c.sourceId === '8')!.type).toBe('pingback');
    expect(comments.find((c) => c.sourceId === '10')!.xmlErrors).toEqual(['Invalid character in entity name']);
    expect(comments.find((c) => c.sourceId === '21')!.article).toMatchObject({ link: 'https://blog.example.org/?p=123', id: '123' });
  });

  it('finds the same whatever the chunk boundaries', async () => {
    const whole = await collect(readWordPressExport(inChunks(wordpress, wordpress.length)));
    expect(await collect(readWordPressExport(inChunks(wordpress, 7)))).toEqual(whole);
  });

  it('reports a file cut short, keeping the comments read before the cut', async () => {
    const cut = wordpress.slice(0, wordpress.indexOf('<wp:comment_id>5</wp:comment_id>'));
    const { comments, errors } = await collect(readWordPressExport(inChunks(cut, 1024)));
    expect(comments.map((c) => c.sourceId)).toEqual(['1', '3', '2', '4', '']);
    expect(comments[4]!.xmlErrors).toContain('the file ends inside this element');
    expect(errors.map((e) => e.error)).toContain('XML: the file ends inside this element');
  });
});

describe('readDisqusExport', () => {
  it('reads every post with its thread and parent', async () => {
    const { comments, errors } = await collect(readDisqusExport(inChunks(disqus, 64 * 1024)));
    expect(comments.map((c) => c.sourceId)).toEqual(['5001', '5002', '5003', '5004', '5005', '5006', '', '5008', '5010', '5011']);
    expect(comments.map((c) => c.verdict)).toEqual(['approved', 'approved', 'approved', 'spam', 'deleted', 'approved', 'approved', 'approved', 'approved', 'approved']);
    expect(comments.map((c) => c.parentSourceId)).toEqual(['', '5001', '5002', '', '5001', '', '', '', '', '5010']);
    expect(comments[0]).toMatchObject({
      authorName: 'Ann Reader',
      authorEmail: 'ann.reader@example.net',
      authorIp: '203.0.113.7',
      date: '2019-05-02T09:00:00Z',
      article: { link: 'https://blog.example.org/2019/05/hello-world/?utm_source=feed', slug: 'hello-world', id: '1 https://blog.example.org/?p=1', date: '2019-05-01T08:00:00Z' },
    });
    expect(comments.find((c) => c.sourceId === '5010')!.article).toMatchObject({ id: '', link: 'https://blog.example.org/?p=123' });
    expect(errors).toEqual([{ line: 126, entry: 'post 5007', error: 'its thread 999 is not in the file before it' }]);
  });

  it('finds a thread named by its identifier, as Disqus’s own format allows', async () => {
    const xml = `<disqus xmlns:dsq="http://disqus.com/disqus-internals"><thread dsq:id="2"><id>ident-1</id><link>https://a.example/x/</link></thread>
      <post dsq:id="9"><message>hi</message><thread>ident-1</thread></post></disqus>`;
    const { comments, errors } = await collect(readDisqusExport(inChunks(xml, 100)));
    expect(errors).toEqual([]);
    expect(comments[0]).toMatchObject({ sourceId: '9', article: { id: 'ident-1', slug: 'x' } });
  });

  it('finds the same whatever the chunk boundaries', async () => {
    const whole = await collect(readDisqusExport(inChunks(disqus, disqus.length)));
    expect(await collect(readDisqusExport(inChunks(disqus, 5)))).toEqual(whole);
  });
});
