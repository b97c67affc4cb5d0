import type { ImportVerdict } from '@moderato/core';
import type { SourceArticle, SourceComment, SourceEvent } from './source-comment';
import { readXmlEntries, type EntrySpec, type XmlEntry } from './xml-entries';

const THREAD: EntrySpec = { name: 'thread', parent: 'disqus', fields: ['id', 'link', 'createdAt'] };
const POST: EntrySpec = {
  name: 'post',
  parent: 'disqus',
  fields: ['id', 'message', 'createdAt', 'isDeleted', 'isSpam', 'ipAddress', 'author/name', 'author/email', 'author/username', 'thread', 'parent'],
};
const DSQ_ID = 'dsq:id';

const field = (entry: XmlEntry, name: string) => (entry.fields[name] ?? '').trim();
const yes = (value: string) => value.toLowerCase() === 'true';

/**
 * A post, thread or parent reference: Disqus's own id (`dsq:id`) when the
 * export gives one, else the `<id>` text, kept apart by a prefix.
 */
function reference(entry: XmlEntry, path: string, text: string): string {
  const dsqId = entry.attributes[path]?.[DSQ_ID]?.trim();
  if (dsqId) return dsqId;
  return text ? `id:${text}` : '';
}

function verdictOf(post: XmlEntry): ImportVerdict {
  // Spam first: a deleted spam post is still spam, the more useful label.
  if (yes(field(post, 'isSpam'))) return 'spam';
  if (yes(field(post, 'isDeleted'))) return 'deleted';
  return 'approved';
}

function lastSegment(link: string): string {
  if (!URL.canParse(link)) return '';
  const segments = new URL(link).pathname.split('/').filter(Boolean);
  return segments[segments.length - 1] ?? '';
}

/**
 * Reads a Disqus export: `<thread>` elements (the pages), then `<post>`
 * elements (the comments), each naming its thread and parent. Threads are
 * kept in memory by id, posts are not: memory grows with the number of
 * pages, not of comments. A post naming a thread not (yet) seen is an error.
 */
export async function* readDisqusExport(chunks: AsyncIterable<string>): AsyncGenerator<SourceEvent[]> {
  const threads = new Map<string, SourceArticle>();
  for await (const xmlEvents of readXmlEntries(chunks, [THREAD, POST])) {
    const events: SourceEvent[] = [];
    for (const event of xmlEvents) {
      if (event.kind === 'error') {
        events.push({ kind: 'error', error: { line: event.line, entry: null, error: event.message } });
        continue;
      }
      const entry = event.entry;
      if (entry.name === 'thread') {
        const link = field(entry, 'link');
        const identifier = field(entry, 'id');
        const article: SourceArticle = { link, slug: lastSegment(link), id: identifier, date: field(entry, 'createdAt') };
        const key = reference(entry, '', identifier);
        if (key) threads.set(key, article);
        // Posts may also name their thread by its identifier (`<thread>ident</thread>`).
        if (identifier) threads.set(`id:${identifier}`, article);
        for (const message of entry.xmlErrors) events.push({ kind: 'error', error: { line: entry.line, entry: `thread ${key}`, error: `XML: ${message}` } });
        continue;
      }
      const threadRef = reference(entry, 'thread', field(entry, 'thread'));
      const article = threads.get(threadRef);
      const sourceId = reference(entry, '', field(entry, 'id'));
      if (!article) {
        const error = threadRef ? `its thread ${threadRef} is not in the file before it` : 'it names no thread';
        events.push({ kind: 'error', error: { line: entry.line, entry: `post ${sourceId}`, error } });
        continue;
      }
      const comment: SourceComment = {
        line: entry.line,
        sourceId,
        parentSourceId: reference(entry, 'parent', field(entry, 'parent')),
        article,
        authorName: field(entry, 'author/name') || field(entry, 'author/username'),
        authorEmail: field(entry, 'author/email'),
        authorIp: field(entry, 'ipAddress'),
        date: field(entry, 'createdAt'),
        localDate: '',
        html: entry.fields.message ?? '',
        verdict: verdictOf(entry),
        type: '',
        xmlErrors: entry.xmlErrors,
      };
      events.push({ kind: 'comment', comment });
    }
    if (events.length > 0) yield events;
  }
}
