import { VIETNAM_UTC_OFFSET_MS } from '../time';

/**
 * schema.org JSON-LD for search engines. Only what the department has entered: an address,
 * phone or email appears once an admin has given it; nothing is made up. Addresses are absolute
 * when the portal's address (SITE_URL) is known, and left out otherwise.
 */
type Json = { [key: string]: unknown };

/** What the department has entered about itself (site settings); empty strings are left out. */
export type Organisation = { name: string; nameEn: string; parentName: string; address: string; phone: string; email: string };

/** 2018-08-07T07:37:00+07:00: the time in Vietnam with its offset, as Google asks for. */
export function vietnamIsoDateTime(date: Date): string {
  return `${new Date(date.getTime() + VIETNAM_UTC_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

export function governmentOrganization(site: Organisation, url: (path: string) => string | undefined, logoPath: string): Json {
  return {
    '@type': 'GovernmentOrganization',
    name: site.name,
    ...(site.nameEn ? { alternateName: site.nameEn } : {}),
    ...(url('/') ? { url: url('/'), logo: url(logoPath) } : {}),
    parentOrganization: { '@type': 'GovernmentOrganization', name: site.parentName },
    ...(site.address ? { address: site.address } : {}),
    ...(site.phone ? { telephone: site.phone } : {}),
    ...(site.email ? { email: site.email } : {}),
  };
}

export function withContext(data: Json): Json {
  return { '@context': 'https://schema.org', ...data };
}

export type ArticleFacts = {
  title: string;
  summary: string;
  byline: string;
  publishedAt: Date | null;
  updatedAt: Date;
  path: string;
  imagePath?: string;
};

export function newsArticle(article: ArticleFacts, publisher: Json, url: (path: string) => string | undefined): Json {
  const page = url(article.path);
  const image = article.imagePath ? url(article.imagePath) : undefined;
  return withContext({
    '@type': 'NewsArticle',
    headline: article.title.slice(0, 110),
    ...(article.summary ? { description: article.summary } : {}),
    ...(article.publishedAt ? { datePublished: vietnamIsoDateTime(article.publishedAt) } : {}),
    dateModified: vietnamIsoDateTime(article.updatedAt),
    // The byline is who wrote it; without one, the department itself.
    author: article.byline ? { '@type': 'Person', name: article.byline } : publisher,
    publisher,
    ...(page ? { mainEntityOfPage: { '@type': 'WebPage', '@id': page }, url: page } : {}),
    ...(image ? { image: [image] } : {}),
    inLanguage: 'vi',
  });
}

export function breadcrumbList(items: { label: string; path: string }[], url: (path: string) => string | undefined): Json {
  return withContext({
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.label,
      ...(url(item.path) ? { item: url(item.path) } : {}),
    })),
  });
}

/** JSON for a <script type="application/ld+json">: "<" escaped so no text can close the element. */
export function jsonLdText(data: Json): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
