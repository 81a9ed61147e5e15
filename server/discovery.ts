import 'server-only';
import {
  countSitemapRows,
  listFeedArticles,
  listFeedDocuments,
  listSitemapCategories,
  listSitemapRows,
  type SitemapKind,
} from '@/db/queries/discovery';
import { getSiteInfo } from '@/db/queries/settings';
import { PUBLIC_ROUTES, routes } from '@/lib/routes';
import { rssXml, SITEMAP_MAX_URLS, type SitemapEntry, sitemapIndexXml, sitemapXml } from '@/lib/discovery/xml';
import { absoluteUrl } from '@/lib/site-url';

/**
 * The feeds, the XML site map and robots.txt. Made per request (a few small queries) with
 * absolute addresses from SITE_URL; a shared cache may keep them five minutes.
 */
const FEED_SIZE = 50;
const HEADERS = { 'Cache-Control': 'public, max-age=300', 'X-Content-Type-Options': 'nosniff' };

function xmlResponse(body: string, type: string): Response {
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8`, ...HEADERS } });
}

function notFoundResponse(): Response {
  return new Response('Không tìm thấy trang.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** /rss.xml, or /chuyen-muc/<slug>/rss.xml with a category. */
export async function articleFeedResponse(request: Request, categorySlug?: string): Promise<Response> {
  const [site, items] = await Promise.all([getSiteInfo(), listFeedArticles({ categorySlug, limit: FEED_SIZE })]);
  if (items === null || (categorySlug !== undefined && !/^[a-z0-9-]{1,200}$/.test(categorySlug))) return notFoundResponse();
  const url = (path: string) => absoluteUrl(path, request.url);
  const categoryName = categorySlug === undefined ? null : (items[0]?.categoryName ?? null);
  const page = categorySlug === undefined ? routes.home : routes.category(categorySlug);
  return xmlResponse(
    rssXml({
      title: categorySlug === undefined ? `${site.name}: Tin tức` : `${site.name}: ${categoryName ?? 'Chuyên mục'}`,
      link: url(page),
      self: url(categorySlug === undefined ? routes.feeds.articles : routes.feeds.category(categorySlug)),
      description:
        categorySlug === undefined ? `Tin mới nhất của ${site.name}` : `Tin mới nhất chuyên mục ${categoryName ?? ''} của ${site.name}`,
      items: items.map((item) => ({
        title: item.title,
        link: url(routes.article(item.slug)),
        description: item.summary,
        published: item.publishedAt,
        author: item.byline || undefined,
        category: item.categoryName,
      })),
    }),
    'application/rss+xml',
  );
}

/** /van-ban/rss.xml: the documents most recently put on the portal. */
export async function documentFeedResponse(request: Request): Promise<Response> {
  const [site, items] = await Promise.all([getSiteInfo(), listFeedDocuments({ limit: FEED_SIZE })]);
  const url = (path: string) => absoluteUrl(path, request.url);
  return xmlResponse(
    rssXml({
      title: `${site.name}: Văn bản mới`,
      link: url(routes.documents()),
      self: url(routes.feeds.documents),
      description: `Văn bản mới đăng trên cổng thông tin ${site.name}`,
      items: items.map((item) => ({
        title: `${item.typeName} số ${item.number}`,
        link: url(routes.document(item.slug)),
        description: item.summary,
        published: item.publishedAt,
      })),
    }),
    'application/rss+xml',
  );
}

/** The public addresses that exist without a row: the fixed pages of the route map. */
const FIXED_PATHS = [
  ...new Set([
    routes.home,
    ...Object.values(PUBLIC_ROUTES)
      .filter((route) => 'closedSection' in route)
      .map((route) => `/${route.segments.join('/')}`),
    routes.documents(),
    routes.procedures(),
    routes.questions(),
    routes.askQuestion,
    routes.consultations,
    routes.rating,
  ]),
];

const SECTIONS: { kind: SitemapKind; part: string; path: (slug: string) => string }[] = [
  { kind: 'articles', part: 'tin-tuc', path: routes.article },
  { kind: 'documents', part: 'van-ban', path: routes.document },
  { kind: 'procedures', part: 'thu-tuc', path: routes.procedure },
  { kind: 'questions', part: 'hoi-dap', path: routes.question },
];

async function fixedEntries(url: (path: string) => string): Promise<SitemapEntry[]> {
  const categories = await listSitemapCategories();
  return [
    ...FIXED_PATHS.map((path) => ({ loc: url(path) })),
    ...categories.map((category) => ({ loc: url(routes.category(category.slug)), lastmod: category.lastmod })),
  ];
}

/**
 * /sitemap.xml: every public address with its last change. Up to 50,000 it is one file; beyond,
 * an index of parts (/sitemap/trang.xml, /sitemap/tin-tuc-1.xml, …) of at most 50,000 each.
 */
export async function sitemapResponse(request: Request): Promise<Response> {
  const url = (path: string) => absoluteUrl(path, request.url);
  const counts = await countSitemapRows();
  const fixed = await fixedEntries(url);
  const total = fixed.length + counts.articles + counts.documents + counts.procedures + counts.questions;
  if (total <= SITEMAP_MAX_URLS) {
    const rows = await Promise.all(
      SECTIONS.map(async (section) =>
        (await listSitemapRows({ kind: section.kind, offset: 0, limit: SITEMAP_MAX_URLS })).map((row) => ({
          loc: url(section.path(row.slug)),
          lastmod: row.lastmod,
        })),
      ),
    );
    return xmlResponse(sitemapXml([...fixed, ...rows.flat()]), 'application/xml');
  }
  const parts: SitemapEntry[] = [{ loc: url(routes.sitemapPart('trang')) }];
  for (const section of SECTIONS) {
    for (let n = 1; (n - 1) * SITEMAP_MAX_URLS < counts[section.kind]; n++)
      parts.push({ loc: url(routes.sitemapPart(`${section.part}-${n}`)) });
  }
  return xmlResponse(sitemapIndexXml(parts), 'application/xml');
}

/** One part of a site map index: `trang.xml`, or `<section>-<n>.xml`. */
export async function sitemapPartResponse(request: Request, name: string): Promise<Response> {
  const url = (path: string) => absoluteUrl(path, request.url);
  if (name === 'trang.xml') return xmlResponse(sitemapXml(await fixedEntries(url)), 'application/xml');
  const match = /^([a-z-]+)-([1-9][0-9]{0,3})\.xml$/.exec(name);
  const section = SECTIONS.find((entry) => entry.part === match?.[1]);
  if (!match || !section) return notFoundResponse();
  const rows = await listSitemapRows({ kind: section.kind, offset: (Number(match[2]) - 1) * SITEMAP_MAX_URLS, limit: SITEMAP_MAX_URLS });
  if (rows.length === 0) return notFoundResponse();
  return xmlResponse(sitemapXml(rows.map((row) => ({ loc: url(section.path(row.slug)), lastmod: row.lastmod }))), 'application/xml');
}

/** robots.txt: the staff area stays out of search engines; the site map is named with its full address. */
export function robotsResponse(request: Request): Response {
  const body = [
    'User-agent: *',
    `Disallow: ${routes.staff.home()}`,
    `Disallow: ${routes.login()}`,
    'Disallow: /api/',
    `Disallow: ${routes.internal.staffArticle('').replace(/tin-tuc\/$/, '')}`,
    `Disallow: ${routes.search}`,
    '',
    `Sitemap: ${absoluteUrl(routes.sitemap, request.url)}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8', ...HEADERS } });
}
