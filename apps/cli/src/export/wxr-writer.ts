import type { SiteExportComment } from '@moderato/db';

// Characters XML 1.0 cannot carry at all: stored text never has C0 controls
// (cleanText), but U+FFFE and U+FFFF may still be there.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text as XML character data. */
export const xmlText = (text: string): string => text.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);

/**
 * WordPress reads comment_content as HTML, and Moderato stores text: `<` in
 * a comment must reach WordPress as `&lt;` to be shown as typed.
 */
const asHtml = (text: string): string => text.replace(/[&<>]/g, (c) => XML_ESCAPES[c]!);

/** `YYYY-MM-DD HH:MM:SS` in UTC, as WordPress writes its dates. */
const wordpressDate = (iso: string): string => iso.slice(0, 19).replace('T', ' ');

function approvedValue(comment: SiteExportComment): string {
  if (comment.status === 'approved') return '1';
  if (comment.status === 'held') return '0';
  return comment.markedSpam ? 'spam' : 'trash';
}

export interface WxrSite {
  id: string;
  name: string;
  /** The site's first origin: article ids that are paths become links under it. */
  origin: string | null;
}

/**
 * Writes a WordPress export (WXR 1.2) of a site's comments, one `<item>`
 * per article (comments must arrive grouped by article). WordPress's
 * importer and Disqus's (which matches `dsq:thread_identifier`, the article
 * id the embed used) both read it.
 */
export class WxrWriter {
  private article: string | null = null;
  private posts = 0;

  constructor(private readonly site: WxrSite) {}

  header(): string {
    const link = this.site.origin ?? '';
    return `<?xml version="1.0" encoding="UTF-8" ?>
<!-- Exported by Moderato: one item per article, its comments inside. -->
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dsq="http://www.disqus.com/">
<channel>
\t<title>${xmlText(this.site.name)}</title>
\t<link>${xmlText(link)}</link>
\t<wp:wxr_version>1.2</wp:wxr_version>
\t<wp:base_site_url>${xmlText(link)}</wp:base_site_url>
\t<wp:base_blog_url>${xmlText(link)}</wp:base_blog_url>
`;
  }

  private linkOf(articleId: string): string {
    if (/^https?:\/\//i.test(articleId)) return articleId;
    if (this.site.origin && articleId.startsWith('/')) return `${this.site.origin}${articleId}`;
    return '';
  }

  private openItem(articleId: string): string {
    this.posts += 1;
    const slug = articleId.split(/[/?#]/).filter(Boolean).pop() ?? '';
    return `\t<item>
\t\t<title>${xmlText(articleId)}</title>
\t\t<link>${xmlText(this.linkOf(articleId))}</link>
\t\t<guid isPermaLink="false">moderato:${xmlText(this.site.id)}:${xmlText(articleId)}</guid>
\t\t<dsq:thread_identifier>${xmlText(articleId)}</dsq:thread_identifier>
\t\t<wp:post_id>${this.posts}</wp:post_id>
\t\t<wp:post_name>${xmlText(slug)}</wp:post_name>
\t\t<wp:status>publish</wp:status>
\t\t<wp:post_type>post</wp:post_type>
\t\t<wp:comment_status>open</wp:comment_status>
`;
  }

  /** One comment, opening a new item when its article differs from the last one's. */
  comment(comment: SiteExportComment, email: string | null): string {
    let out = '';
    if (comment.articleId !== this.article) {
      if (this.article !== null) out += '\t</item>\n';
      out += this.openItem(comment.articleId);
      this.article = comment.articleId;
    }
    const date = wordpressDate(comment.createdAt);
    return `${out}\t\t<wp:comment>
\t\t\t<wp:comment_id>${comment.number}</wp:comment_id>
\t\t\t<wp:comment_author>${xmlText(comment.name)}</wp:comment_author>
\t\t\t<wp:comment_author_email>${xmlText(email ?? '')}</wp:comment_author_email>
\t\t\t<wp:comment_author_IP></wp:comment_author_IP>
\t\t\t<wp:comment_date>${date}</wp:comment_date>
\t\t\t<wp:comment_date_gmt>${date}</wp:comment_date_gmt>
\t\t\t<wp:comment_content>${xmlText(asHtml(comment.body))}</wp:comment_content>
\t\t\t<wp:comment_approved>${approvedValue(comment)}</wp:comment_approved>
\t\t\t<wp:comment_type>comment</wp:comment_type>
\t\t\t<wp:comment_parent>${comment.parentNumber ?? 0}</wp:comment_parent>
\t\t</wp:comment>
`;
  }

  footer(): string {
    return `${this.article !== null ? '\t</item>\n' : ''}</channel>
</rss>
`;
  }
}
