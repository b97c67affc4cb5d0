import type { WebhookEvent } from '@moderato/core';
import { slackMessage as sut } from './slack-message';

const event = (overrides: Partial<WebhookEvent> = {}): WebhookEvent => ({
  id: '7d0c8a4e-4f0e-4f4e-9d7e-0c1b2a3d4e5f',
  type: 'comment.held',
  occurredAt: '2026-12-02T10:00:00.000Z',
  site: { id: 'blog', name: 'The Blog' },
  status: 'held',
  decidedBy: 'scorer',
  action: null,
  comment: {
    id: '2b1c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b',
    articleId: 'hello-world',
    parentId: null,
    authorName: 'Ann',
    body: 'Buy now at example.com\nsecond line',
    language: 'en',
    createdAt: '2026-12-02T09:59:59.000Z',
    scores: { spam: 0.61, toxicity: 0.02 },
    reasons: ['links', 'spam-model'],
  },
  dashboardUrl: 'https://comments.example.org/admin/',
  ...overrides,
});

describe('slackMessage', () => {
  it('says what happened, to whose comment, where, the scores and reasons, quotes the text and links to the dashboard', () => {
    expect(sut(event()).text).toBe(
      [
        '*Held for review*: a comment by Ann on hello-world (The Blog)',
        'spam 0.61 · toxicity 0.02 · reasons: links, spam-model',
        '>Buy now at example.com',
        '>second line',
        '<https://comments.example.org/admin/|Open the dashboard>',
      ].join('\n'),
    );
  });

  it.each([
    [{ type: 'comment.rejected', decidedBy: 'scorer', action: null }, '*Rejected automatically*'],
    [{ type: 'comment.rejected', decidedBy: 'moderator', action: 'reject' }, '*Rejected by a moderator*'],
    [{ type: 'comment.rejected', decidedBy: 'moderator', action: 'spam' }, '*Marked as spam by a moderator*'],
    [{ type: 'comment.approved', decidedBy: 'moderator', action: 'approve' }, '*Approved by a moderator*'],
  ] as const)('headlines %o as %s', (overrides, headline) => {
    expect(sut(event(overrides)).text.startsWith(headline)).toBe(true);
  });

  it('escapes what Slack would read as links or mentions in the author name and text', () => {
    const hostile = event();
    hostile.comment!.authorName = '<!channel> & <https://evil.example|your bank>';
    hostile.comment!.body = 'click <https://evil.example|here> <@U123>';
    const { text } = sut(hostile);
    expect(text).toContain('a comment by &lt;!channel&gt; &amp; &lt;https://evil.example|your bank&gt; on');
    expect(text).toContain('>click &lt;https://evil.example|here&gt; &lt;@U123&gt;');
    expect(text.match(/</g)).toHaveLength(1);
  });

  it('quotes at most 500 characters, and leaves the link out without a public URL', () => {
    const long = event({ dashboardUrl: null });
    long.comment!.body = 'x'.repeat(600);
    const { text } = sut(long);
    expect(text.split('\n')[2]).toBe(`>${'x'.repeat(500)}…`);
    expect(text).not.toContain('<');
  });

  it('says a test event works', () => {
    expect(sut(event({ type: 'webhook.test', comment: null, status: null, decidedBy: null })).text).toBe(
      'Moderato test event for The Blog: this webhook works.\n<https://comments.example.org/admin/|Open the dashboard>',
    );
  });
});
