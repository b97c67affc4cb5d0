import sax from 'sax';

/** An element of interest (a WordPress `<item>`, a Disqus `<post>` …) with the fields read from it. */
export interface XmlEntry {
  /** The element's local name (no namespace prefix). */
  name: string;
  /** 1-based line where the element starts. */
  line: number;
  /** Text of the wanted descendants, by path of local names below the entry (`comment_id`, `author/name`). */
  fields: Record<string, string>;
  /** Attributes of the entry (path '') and of its wanted descendants, by path. */
  attributes: Record<string, Record<string, string>>;
  /** What was wrong with the XML inside the entry: such an entry is not to be trusted. */
  xmlErrors: string[];
}

/** Where an entry starts, and what to read from it. */
export interface EntrySpec {
  name: string;
  /** The local name of the element it must be directly inside. */
  parent: string;
  /** Paths below the entry whose text (and attributes) to keep; everything else is skipped, however large. */
  fields: readonly string[];
}

export type XmlEvent = { kind: 'entry'; entry: XmlEntry } | { kind: 'error'; line: number; message: string };

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

interface Open {
  local: string;
  /** The entry this element belongs to, and its path inside it ('' for the entry itself). */
  entry?: { spec: EntrySpec; value: XmlEntry; path: string; capture: boolean };
}

/**
 * Streams the entries of an XML document: each is handed over when its
 * element closes, with only the fields asked for, so memory holds one entry
 * at a time, never the document. The parser (sax, strict) recovers from
 * malformed XML and goes on; an error inside an entry is recorded on it, one
 * outside any entry becomes an `error` event. An entry still open when the
 * document ends is handed over with an error saying so.
 * Yields the events found in each chunk of text.
 */
export async function* readXmlEntries(chunks: AsyncIterable<string>, specs: readonly EntrySpec[]): AsyncGenerator<XmlEvent[]> {
  const parser = sax.parser(true, { trim: false, normalize: false, position: true });
  const stack: Open[] = [];
  let events: XmlEvent[] = [];
  let text = '';

  const innermostEntry = () => {
    for (let i = stack.length - 1; i >= 0; i -= 1) if (stack[i]!.entry) return stack[i]!.entry!.value;
    return undefined;
  };

  parser.onopentag = (tag) => {
    const local = localName(tag.name);
    const parent = stack[stack.length - 1];
    const spec = specs.find((s) => s.name === local && parent?.local === s.parent);
    text = '';
    if (spec) {
      const value: XmlEntry = { name: local, line: parser.line + 1, fields: {}, attributes: {}, xmlErrors: [] };
      if (Object.keys(tag.attributes).length > 0) value.attributes[''] = { ...(tag.attributes as Record<string, string>) };
      stack.push({ local, entry: { spec, value, path: '', capture: false } });
      return;
    }
    const outer = parent?.entry;
    if (!outer) {
      stack.push({ local });
      return;
    }
    const path = outer.path === '' ? local : `${outer.path}/${local}`;
    const capture = outer.spec.fields.includes(path);
    if (capture && Object.keys(tag.attributes).length > 0) outer.value.attributes[path] = { ...(tag.attributes as Record<string, string>) };
    stack.push({ local, entry: { ...outer, path, capture } });
  };

  parser.ontext = (t) => {
    if (stack[stack.length - 1]?.entry?.capture) text += t;
  };
  parser.oncdata = parser.ontext;

  parser.onclosetag = () => {
    const open = stack.pop();
    const entry = open?.entry;
    if (!entry) return;
    if (entry.path === '') events.push({ kind: 'entry', entry: entry.value });
    else if (entry.capture) entry.value.fields[entry.path] = text;
    text = '';
  };

  parser.onerror = (error) => {
    const message = error.message.split('\n')[0] ?? 'malformed XML';
    const entry = innermostEntry();
    if (entry) entry.xmlErrors.push(message);
    else events.push({ kind: 'error', line: parser.line + 1, message: `XML: ${message}` });
    // sax stops at an error until told to go on; strict mode still recovers (an unescaped &, a stray close tag).
    (parser as { error: Error | null }).error = null;
    parser.resume();
  };

  for await (const chunk of chunks) {
    parser.write(chunk);
    if (events.length > 0) {
      yield events;
      events = [];
    }
  }
  parser.close();
  for (let i = stack.length - 1; i >= 0; i -= 1) {
    const entry = stack[i]!.entry;
    if (entry?.path !== '') continue;
    entry.value.xmlErrors.push('the file ends inside this element');
    events.push({ kind: 'entry', entry: entry.value });
  }
  if (events.length > 0) yield events;
}
