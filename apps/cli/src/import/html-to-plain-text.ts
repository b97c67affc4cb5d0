import { compile, type DomNode, type FormatCallback } from 'html-to-text';
import { cleanText } from '@moderato/core';

/**
 * A link becomes its text, then its URL in parentheses when the URL is
 * http(s) and not the text itself: `see <a href="https://x.org">this</a>` →
 * `see this (https://x.org)`. Other schemes (`javascript:`, `mailto:`) keep
 * only their text: a body must not carry a script URL, nor turn a link into
 * an address in clear.
 */
const textOf = (nodes: DomNode[] = []): string => nodes.map((node) => node.data ?? textOf(node.children)).join('');

const plainLink: FormatCallback = (element, walk, builder) => {
  const href = String(element.attribs?.href ?? '').trim();
  builder.startNoWrap();
  walk(element.children, builder);
  builder.stopNoWrap();
  if (/^https?:\/\//i.test(href) && href !== textOf(element.children).trim()) builder.addInline(` (${href})`, { noWordTransform: true });
};

const block = (selector: string, lineBreaks: number) => ({ selector, format: 'block', options: { leadingLineBreaks: lineBreaks, trailingLineBreaks: lineBreaks } });

// Built once: html-to-text compiles its selectors, which costs more than converting a comment.
const convert = compile({
  wordwrap: false,
  // WordPress keeps a comment as typed and adds <p> and <br> only when showing it: its line breaks are the author's.
  preserveNewlines: true,
  decodeEntities: true,
  formatters: { plainLink },
  selectors: [
    { selector: 'a', format: 'plainLink' },
    { selector: 'img', format: 'skip' },
    block('blockquote', 2),
    block('pre', 2),
    block('h1', 2),
    block('h2', 2),
    block('h3', 2),
    block('h4', 2),
    block('h5', 2),
    block('h6', 2),
    block('ul', 2),
    block('ol', 2),
    block('li', 1),
    block('table', 2),
    block('tr', 1),
    block('td', 1),
    block('th', 1),
    block('hr', 1),
  ],
});

/**
 * The text Moderato stores for an exported body: paragraphs and line breaks
 * kept (at most one blank line in a row), links as their text and URL,
 * every other tag dropped and entities decoded; then cleaned as the intake
 * cleans every field (cleanText).
 * Never HTML: the result is shown as text.
 */
export function htmlToPlainText(html: string): string {
  // A <br> at the end of a line is that line's break, not a second one (as WordPress shows it).
  const normalised = html.replace(/\r\n?/g, '\n').replace(/<br\s*\/?>[ \t]*\n/gi, '<br>');
  return cleanText(convert(normalised).replace(/\n{3,}/g, '\n\n'));
}
