/**
 * RSS 2.0 and sitemaps.org XML, written by hand (a few elements; no library needed). Every text
 * and address is escaped; addresses are absolute, built from the portal's public address.
 */
export function escapeXml(text: string): string {
  return (
    text
      // Characters XML 1.0 cannot carry at all (controls other than tab and line breaks).
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

export type FeedItem = { title: string; link: string; description: string; published: Date; author?: string; category?: string };

export type Feed = {
  title: string;
  /** The page the feed is about (absolute). */
  link: string;
  /** The feed's own address (absolute), for atom:link rel="self" that validators ask for. */
  self: string;
  description: string;
  items: FeedItem[];
};

/** RSS 2.0, as the RSS Advisory Board's validator accepts it: RFC 822 dates, a guid per item, atom:link self. */
export function rssXml(feed: Feed): string {
  const latest = feed.items[0]?.published ?? new Date(0);
  const items = feed.items
    .map(
      (item) => `    <item>
      <title>${escapeXml(item.title)}</title>
      <link>${escapeXml(item.link)}</link>
      <guid isPermaLink="true">${escapeXml(item.link)}</guid>
      <pubDate>${item.published.toUTCString()}</pubDate>${item.category ? `\n      <category>${escapeXml(item.category)}</category>` : ''}${
        item.author ? `\n      <dc:creator>${escapeXml(item.author)}</dc:creator>` : ''
      }
      <description>${escapeXml(item.description)}</description>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escapeXml(feed.title)}</title>
    <link>${escapeXml(feed.link)}</link>
    <description>${escapeXml(feed.description)}</description>
    <language>vi</language>
    <lastBuildDate>${latest.toUTCString()}</lastBuildDate>
    <atom:link href="${escapeXml(feed.self)}" rel="self" type="application/rss+xml"/>
${items}
  </channel>
</rss>
`;
}

export type SitemapEntry = { loc: string; lastmod?: Date | null };

/** The sitemaps.org protocol allows 50,000 addresses in one file; more go into parts under an index. */
export const SITEMAP_MAX_URLS = 50_000;

export function sitemapXml(entries: SitemapEntry[]): string {
  const urls = entries
    .map(
      (entry) =>
        `  <url><loc>${escapeXml(entry.loc)}</loc>${entry.lastmod ? `<lastmod>${entry.lastmod.toISOString()}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls}
</urlset>
`;
}

export function sitemapIndexXml(parts: SitemapEntry[]): string {
  const items = parts
    .map(
      (part) =>
        `  <sitemap><loc>${escapeXml(part.loc)}</loc>${part.lastmod ? `<lastmod>${part.lastmod.toISOString()}</lastmod>` : ''}</sitemap>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${items}
</sitemapindex>
`;
}
