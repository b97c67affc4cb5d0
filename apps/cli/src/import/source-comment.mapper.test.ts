import { createPersonalDataKeys, importedCommentId } from '@moderato/core';
import type { SourceComment } from './source-comment';
import { ANONYMOUS, EntryError, parseExportDate, toImportedComment } from './source-comment.mapper';

const keys = createPersonalDataKeys('k'.repeat(32));
const now = new Date('2026-01-01T00:00:00Z');
const context = { siteId: 'blog', source: 'wordpress' as const, articleFrom: 'path' as const, keys, now };

const source = (overrides: Partial<SourceComment> = {}): SourceComment => ({
  line: 40,
  sourceId: '17',
  parentSourceId: '0',
  article: { link: 'https://blog.example.org/2019/05/hello-world/', slug: 'hello-world', id: '1', date: '2019-05-01 08:00:00' },
  authorName: 'Ann Reader',
  authorEmail: 'Ann.Reader@Example.net',
  authorIp: '203.0.113.7',
  date: '2019-05-02 09:00:00',
  localDate: '2019-05-02 11:00:00',
  html: '<p>Hello</p>',
  verdict: 'approved',
  type: 'comment',
  xmlErrors: [],
  ...overrides,
});

describe('toImportedComment', () => {
  it('maps the article, parent, date and body', () => {
    const { imported, undated } = toImportedComment(source({ parentSourceId: '16' }), context);
    expect(undated).toBe(false);
    expect(imported).toMatchObject({ source: 'wordpress', sourceId: '17', verdict: 'approved' });
    expect(imported.comment).toMatchObject({
      id: importedCommentId('blog', 'wordpress', '17'),
      siteId: 'blog',
      articleId: '/2019/05/hello-world/',
      parentId: importedCommentId('blog', 'wordpress', '16'),
      name: 'Ann Reader',
      body: 'Hello',
      acceptedAt: '2019-05-02T09:00:00.000Z',
    });
  });

  it('seals and hashes the email and hashes the IP with the intake’s keys; nothing in clear', () => {
    const { comment } = toImportedComment(source(), context).imported;
    expect(keys.decryptEmail(comment.emailEncrypted)).toBe('ann.reader@example.net');
    expect(comment.emailHash).toBe(keys.hashEmail('ann.reader@example.net'));
    expect(comment.ipHash).toBe(keys.hashIp('203.0.113.7'));
    expect(JSON.stringify(comment).toLowerCase()).not.toMatch(/ann\.reader|example\.net|203\.0\.113/);
  });

  it('gives a comment without email or name an empty seal, a hash of its own, and the name WordPress shows', () => {
    const a = toImportedComment(source({ authorEmail: '', authorName: '  ', authorIp: '' }), context).imported.comment;
    const b = toImportedComment(source({ sourceId: '18', authorEmail: '', authorName: '' }), context).imported.comment;
    expect(keys.decryptEmail(a.emailEncrypted)).toBe('');
    expect(a.emailHash).toBe(`none:${a.id}`);
    expect(a.emailHash).not.toBe(b.emailHash);
    expect(a.ipHash).toBeNull();
    expect(a.name).toBe(ANONYMOUS);
  });

  it('decodes an entity-encoded name and cuts it to the intake’s 100 characters', () => {
    expect(toImportedComment(source({ authorName: 'Bob &amp; Co' }), context).imported.comment.name).toBe('Bob & Co');
    expect(toImportedComment(source({ authorName: 'n'.repeat(150) }), context).imported.comment.name).toHaveLength(100);
  });

  it.each([
    ['no parent', '0', null],
    ['an empty parent', '', null],
    ['itself as parent', '17', null],
  ])('treats %s as top level', (_, parentSourceId, parentId) => {
    expect(toImportedComment(source({ parentSourceId }), context).imported.comment.parentId).toBe(parentId);
  });

  it('falls back to the local date, then the post’s date, then the import’s, saying it was undated', () => {
    expect(toImportedComment(source({ date: '0000-00-00 00:00:00' }), context)).toMatchObject({ undated: false, imported: { comment: { acceptedAt: '2019-05-02T11:00:00.000Z' } } });
    expect(toImportedComment(source({ date: '', localDate: '' }), context)).toMatchObject({ undated: true, imported: { comment: { acceptedAt: '2019-05-01T08:00:00.000Z' } } });
    const noPostDate = source({ date: '', localDate: '', article: { ...source().article, date: '' } });
    expect(toImportedComment(noPostDate, context)).toMatchObject({ undated: true, imported: { comment: { acceptedAt: now.toISOString() } } });
  });

  it.each([
    [source({ xmlErrors: ['Invalid character in entity name'] }), 'malformed XML (Invalid character in entity name)'],
    [source({ sourceId: '' }), 'the comment has no id'],
    [source({ verdict: { unknown: 'approved-ish' } }), "the status 'approved-ish' is not one of 1, 0, spam, trash"],
    [source({ verdict: { unknown: 'ann.reader@example.net' } }), 'the status its value is not one of 1, 0, spam, trash'],
    [source({ html: '<p> </p>' }), 'the comment has no text'],
    [source({ date: 'sometime in May' }), 'cannot read the date (expected YYYY-MM-DD HH:MM:SS or ISO 8601)'],
    [source({ article: { ...source().article, link: '' } }), 'the post has no URL (<link>); use --article-from id or slug'],
  ])('refuses a broken entry with a message that quotes no personal data: %#', (broken, message) => {
    let error: unknown;
    try {
      toImportedComment(broken, context);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EntryError);
    expect((error as Error).message).toBe(message);
    expect((error as Error).message).not.toContain('example.net');
  });
});

describe('parseExportDate', () => {
  it.each([
    ['2019-05-02 09:00:00', '2019-05-02T09:00:00.000Z'],
    ['2019-05-02T09:00:00Z', '2019-05-02T09:00:00.000Z'],
    ['2012-12-12T12:12:12', '2012-12-12T12:12:12.000Z'],
    ['2019-05-02T11:00:00+02:00', '2019-05-02T09:00:00.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(parseExportDate(text, 'the date')?.toISOString()).toBe(iso);
  });

  it('reads WordPress’s zero date and an empty one as no date', () => {
    expect(parseExportDate('0000-00-00 00:00:00', 'the date')).toBeNull();
    expect(parseExportDate('', 'the date')).toBeNull();
  });
});
