/** One entry of an Atom feed (RFC 4287). All text is escaped on output. */
export interface AtomEntry {
  /** A permanent, unique IRI for the entry. */
  id: string;
  title: string;
  /** RFC 3339 date-time. */
  updated: string;
  link: string;
  summary: string;
  categories: string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  updated: string;
  selfUrl: string;
  alternateUrl: string;
  author: string;
  entries: AtomEntry[];
}

// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are the point here
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Escapes text for XML content and attribute values. Characters XML 1.0 forbids (control characters other than
 * tab and line breaks) are dropped, so no data can make the feed ill-formed.
 */
export function xmlEscape(text: string): string {
  return text.replace(FORBIDDEN_IN_XML, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** Renders an Atom 1.0 document. */
export function renderAtomFeed(feed: AtomFeed): string {
  const e = xmlEscape;
  const entries = feed.entries.map(
    (entry) => `  <entry>
    <id>${e(entry.id)}</id>
    <title>${e(entry.title)}</title>
    <updated>${e(entry.updated)}</updated>
    <link rel="alternate" type="text/html" href="${e(entry.link)}"/>
${entry.categories.map((c) => `    <category term="${e(c)}"/>`).join('\n')}
    <summary type="text">${e(entry.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">
  <id>${e(feed.id)}</id>
  <title>${e(feed.title)}</title>
  <subtitle>${e(feed.subtitle)}</subtitle>
  <updated>${e(feed.updated)}</updated>
  <link rel="self" type="application/atom+xml" href="${e(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${e(feed.alternateUrl)}"/>
  <author><name>${e(feed.author)}</name></author>
${entries.join('\n')}
</feed>
`;
}
