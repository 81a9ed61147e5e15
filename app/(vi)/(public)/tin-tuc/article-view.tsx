import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { cache } from 'react';
import { ArticleList } from '@/components/article/article-card';
import { ArticleContent } from '@/components/article/article-content';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { SectionHeading } from '@/components/ui/section-heading';
import { getRedirectedArticleSlug } from '@/db/queries/slug-redirects';
import { getPublishedArticleBySlug, listRelatedArticles, type ArticleDetail } from '@/db/queries/articles';
import { isValidSlug } from '@/lib/slug';
import { routes } from '@/lib/routes';
import { JsonLd } from '@/components/seo/json-ld';
import { PrintBar, PrintSource } from '@/components/print/print-controls';
import { getSiteInfo } from '@/db/queries/settings';
import { breadcrumbList, governmentOrganization, newsArticle } from '@/lib/discovery/structured-data';
import { APP_ICON_PATH } from '@/lib/discovery/icons';
import { canonicalLinks, siteAddress } from '@/lib/site-url';

// generateMetadata and the page ask for the same article in one request: ask the database once.
export const loadPublicArticle = cache(async (slug: string) => (isValidSlug(slug) ? getPublishedArticleBySlug({ slug }) : null));

/** The published article at this address; an old address redirects to the new one; else 404. */
export async function requirePublicArticle(slug: string): Promise<ArticleDetail> {
  const article = await loadPublicArticle(slug);
  if (article) return article;
  const current = isValidSlug(slug) ? await getRedirectedArticleSlug({ slug }) : null;
  // The proxy answers old addresses with a 301 (server/slug-redirects.ts); this 308 covers the few
  // seconds before a change made by another server process reaches its map.
  if (current) permanentRedirect(routes.article(current));
  notFound();
}

export function articleMetadata(article: ArticleDetail | null): Metadata {
  if (!article) return { title: 'Không tìm thấy trang' };
  const { alternates, openGraphUrl } = canonicalLinks(routes.article(article.slug));
  const description = article.summary.slice(0, 300);
  return {
    title: article.title,
    description,
    alternates,
    openGraph: {
      type: 'article',
      url: openGraphUrl,
      title: article.title,
      description,
      publishedTime: article.publishedAt?.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      section: article.categoryName,
    },
  };
}

/** The article page's content, the same for the public and for staff (who get a toolbar above). */
export async function ArticleView({ article, toolbar }: { article: ArticleDetail; toolbar?: React.ReactNode }) {
  const [related, site] = await Promise.all([
    listRelatedArticles({ categoryId: article.categoryId, excludeId: article.id, limit: 5 }),
    getSiteInfo(),
  ]);
  const publisher = governmentOrganization(site, siteAddress, APP_ICON_PATH);
  return (
    <div className="space-y-6">
      {toolbar}
      <article id="bai-viet" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6 print:border-0 print:p-0">
        <Breadcrumb
          items={[
            { label: 'Trang chủ', href: routes.home },
            { label: article.categoryName, href: routes.category(article.categorySlug) },
            { label: article.title },
          ]}
        />
        <ArticleContent {...article} />
        <PrintBar />
        <PrintSource path={routes.article(article.slug)} />
        <JsonLd
          data={newsArticle(
            {
              title: article.title,
              summary: article.summary,
              byline: article.byline,
              publishedAt: article.publishedAt,
              updatedAt: article.updatedAt,
              path: routes.article(article.slug),
              imagePath: article.cover ? routes.media(article.cover.key, 1280) : undefined,
            },
            publisher,
            siteAddress,
          )}
        />
        <JsonLd
          data={breadcrumbList(
            [
              { label: 'Trang chủ', path: routes.home },
              { label: article.categoryName, path: routes.category(article.categorySlug) },
              { label: article.title, path: routes.article(article.slug) },
            ],
            siteAddress,
          )}
        />
      </article>

      {related.length > 0 && (
        <section aria-labelledby="tin-lien-quan" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6 print:hidden">
          <SectionHeading id="tin-lien-quan" href={routes.category(article.categorySlug)}>
            Tin cùng chuyên mục
          </SectionHeading>
          <ArticleList articles={related} showSummary={false} />
        </section>
      )}
    </div>
  );
}
