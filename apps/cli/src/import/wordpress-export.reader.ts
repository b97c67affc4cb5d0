import type { ImportVerdict } from '@moderato/core';
import type { SourceArticle, SourceComment, SourceEvent } from './source-comment';
import { readXmlEntries, type EntrySpec, type XmlEntry } from './xml-entries';

const ITEM: EntrySpec = { name: 'item', parent: 'channel', fields: ['link', 'post_id', 'post_name', 'post_date_gmt'] };
const COMMENT: EntrySpec = {
  name: 'comment',
  parent: 'item',
  fields: [
    'comment_id',
    'comment_author',
    'comment_author_email',
    'comment_author_IP',
    'comment_date',
    'comment_date_gmt',
    'comment_content',
    'comment_approved',
    'comment_type',
    'comment_parent',
  ],
};

// `post-trashed`: the comment of a post sent to the trash, which WordPress trashes with it.
const VERDICTS: Readonly<Record<string, ImportVerdict>> = { '1': 'approved', '0': 'pending', spam: 'spam', trash: 'trash', 'post-trashed': 'trash' };

const field = (entry: XmlEntry, name: string) => (entry.fields[name] ?? '').trim();

function sourceComment(entry: XmlEntry, article: SourceArticle): SourceComment {
  const approved = field(entry, 'comment_approved');
  return {
    line: entry.line,
    sourceId: field(entry, 'comment_id'),
    parentSourceId: field(entry, 'comment_parent'),
    article,
    authorName: field(entry, 'comment_author'),
    authorEmail: field(entry, 'comment_author_email'),
    authorIp: field(entry, 'comment_author_IP'),
    date: field(entry, 'comment_date_gmt'),
    localDate: field(entry, 'comment_date'),
    html: entry.fields.comment_content ?? '',
    verdict: VERDICTS[approved] ?? { unknown: approved },
    type: field(entry, 'comment_type'),
    xmlErrors: entry.xmlErrors,
  };
}

/**
 * Reads a WordPress export (WXR, what Tools → Export writes): one `<item>`
 * per post, its comments as `<wp:comment>` children. A post's comments are
 * held until the post's element closes (its link and ids may follow them),
 * so memory holds one post's comments at most.
 */
export async function* readWordPressExport(chunks: AsyncIterable<string>): AsyncGenerator<SourceEvent[]> {
  let comments: XmlEntry[] = [];
  for await (const xmlEvents of readXmlEntries(chunks, [ITEM, COMMENT])) {
    const events: SourceEvent[] = [];
    for (const event of xmlEvents) {
      if (event.kind === 'error') {
        events.push({ kind: 'error', error: { line: event.line, entry: null, error: event.message } });
      } else if (event.entry.name === 'comment') {
        comments.push(event.entry);
      } else {
        const item = event.entry;
        const postId = field(item, 'post_id');
        for (const message of item.xmlErrors) events.push({ kind: 'error', error: { line: item.line, entry: `post ${postId}`, error: `XML: ${message}` } });
        const article: SourceArticle = { link: field(item, 'link'), slug: field(item, 'post_name'), id: postId, date: field(item, 'post_date_gmt') };
        for (const comment of comments) events.push({ kind: 'comment', comment: sourceComment(comment, article) });
        comments = [];
      }
    }
    if (events.length > 0) yield events;
  }
}
