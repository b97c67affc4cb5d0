import { importedCommentId, labelForVerdict, STATUS_FOR_VERDICT } from './imported-comment';
import { isUuid } from './uuid';

describe('importedCommentId', () => {
  it('is the same UUID on every run, and differs by site, source and id', () => {
    const sut = importedCommentId('blog', 'wordpress', '17');
    expect(importedCommentId('blog', 'wordpress', '17')).toBe(sut);
    expect(new Set([sut, importedCommentId('news', 'wordpress', '17'), importedCommentId('blog', 'disqus', '17'), importedCommentId('blog', 'wordpress', '18')]).size).toBe(4);
  });

  it('is a version 8, RFC variant UUID that Postgres takes', () => {
    const sut = importedCommentId('blog', 'disqus', '5001');
    expect(isUuid(sut)).toBe(true);
    expect(sut[14]).toBe('8');
    expect(['8', '9', 'a', 'b']).toContain(sut[19]);
  });
});

describe('verdicts', () => {
  it('map to statuses as the old systems meant them', () => {
    expect(STATUS_FOR_VERDICT).toEqual({ approved: 'approved', pending: 'held', spam: 'rejected', trash: 'rejected', deleted: 'rejected' });
  });

  it('become the labels the dashboard buttons of the same meaning give; pending gives none', () => {
    expect(labelForVerdict('approved')).toEqual({ spam: false, toxic: false });
    expect(labelForVerdict('spam')).toEqual({ spam: true, toxic: null });
    expect(labelForVerdict('trash')).toEqual({ spam: null, toxic: true });
    expect(labelForVerdict('deleted')).toEqual({ spam: null, toxic: true });
    expect(labelForVerdict('pending')).toBeNull();
  });
});
