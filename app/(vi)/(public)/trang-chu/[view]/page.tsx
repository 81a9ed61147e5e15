import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleCard, ArticleList, SyntheticBadge } from '@/components/article/article-card';
import { ArticleTime } from '@/components/article/article-time';
import { SectionHeading } from '@/components/ui/section-heading';
import { listLatestArticles, listLatestArticlesPerCategory } from '@/db/queries/articles';
import { listMenuCategories } from '@/db/queries/categories';
import { listLatestDocuments } from '@/db/queries/documents';
import { formatIsoDate } from '@/lib/documents/rules';
import { routes } from '@/lib/routes';
import { JsonLd } from '@/components/seo/json-ld';
import { getSiteInfo } from '@/db/queries/settings';
import { APP_ICON_PATH } from '@/lib/discovery/icons';
import { governmentOrganization, withContext } from '@/lib/discovery/structured-data';
import { canonicalLinks, siteAddress } from '@/lib/site-url';

// The home page: "/" is rewritten here (next.config.ts) so that `next build` never renders it.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

const HOME_VIEW = 'moi-nhat';

const home = canonicalLinks(routes.home);
export const metadata: Metadata = {
  title: { absolute: 'Trang chủ | Sở Nội vụ tỉnh An Giang' },
  alternates: home.alternates,
  openGraph: { url: home.openGraphUrl, title: 'Sở Nội vụ tỉnh An Giang' },
};

export default async function HomePage({ params }: { params: Promise<{ view: string }> }) {
  const { view } = await params;
  if (view !== HOME_VIEW) notFound();

  const [site, latest, categories, perCategory, documents] = await Promise.all([
    getSiteInfo(),
    listLatestArticles({ limit: 9 }),
    listMenuCategories(),
    listLatestArticlesPerCategory({ perCategory: 4 }),
    listLatestDocuments({ limit: 5 }),
  ]);
  const [featured, ...others] = latest;
  const blocks = categories.map((category) => ({ category, items: perCategory.filter((a) => a.categorySlug === category.slug) }));
  // A block per category that has news; the others are one line of links, not a wall of empty boxes.
  const withArticles = blocks.filter((block) => block.items.length > 0);
  const empty = blocks.filter((block) => block.items.length === 0).map((block) => block.category);

  return (
    <div className="space-y-8">
      <h1 className="sr-only">Trang chủ Cổng thông tin điện tử Sở Nội vụ tỉnh An Giang</h1>
      <JsonLd data={withContext(governmentOrganization(site, siteAddress, APP_ICON_PATH))} />
      <section aria-labelledby="tin-moi" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
        <SectionHeading id="tin-moi">Tin mới nhất</SectionHeading>
        {featured ? (
          <div className={`mt-4 grid gap-5 ${others.length > 0 ? 'md:grid-cols-2' : ''}`}>
            <article className={others.length > 0 ? 'md:border-r md:border-slate-200 md:pr-5' : ''}>
              <h3 className="text-xl font-bold leading-snug">
                {featured.synthetic && <SyntheticBadge />}
                <a href={routes.article(featured.slug)} className="text-brand-800 hover:underline">
                  {featured.title}
                </a>
              </h3>
              <p className="mt-2 text-sm text-slate-600">
                <ArticleTime date={featured.publishedAt} /> ·{' '}
                <a href={routes.category(featured.categorySlug)} className="hover:underline">
                  {featured.categoryName}
                </a>
              </p>
              {featured.summary && <p className="mt-3 text-slate-800">{featured.summary}</p>}
            </article>
            {others.length > 0 && <ArticleList articles={others} showSummary={false} />}
          </div>
        ) : (
          <p className="mt-4 text-slate-700">Chưa có bài viết nào được xuất bản.</p>
        )}
      </section>

      <section aria-labelledby="van-ban-moi" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
        <SectionHeading id="van-ban-moi" href={routes.documents()}>
          Văn bản mới
        </SectionHeading>
        {documents.length > 0 ? (
          <ul className="divide-y divide-slate-200">
            {documents.map((document) => (
              <li key={document.id} className="py-2">
                {document.synthetic && <SyntheticBadge />}
                <a href={routes.document(document.slug)} className="font-semibold text-brand-800 hover:underline">
                  {document.typeName} {document.number}
                </a>
                <span className="text-sm text-slate-600"> · {formatIsoDate(document.issuedOn)}</span>
                <p className="break-words text-sm text-slate-800">{document.summary}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-slate-700">Chưa có văn bản nào được đăng.</p>
        )}
      </section>

      <div className="grid gap-6 md:grid-cols-2">
        {withArticles.map(({ category, items }) => {
          const headingId = `chuyen-muc-${category.slug}`;
          return (
            <section key={category.id} aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4">
              <SectionHeading id={headingId} href={routes.category(category.slug)}>
                {category.name}
              </SectionHeading>
              <ul className="divide-y divide-slate-200">
                {items.map((article) => (
                  <li key={article.id}>
                    <ArticleCard article={article} showSummary={false} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>

      {empty.length > 0 && (
        <section aria-labelledby="chuyen-muc-khac" className="rounded-lg border border-slate-200 bg-white p-4">
          <SectionHeading id="chuyen-muc-khac">Các chuyên mục khác</SectionHeading>
          <ul className="mt-3 flex flex-wrap gap-2">
            {empty.map((category) => (
              <li key={category.id}>
                <a
                  href={routes.category(category.slug)}
                  className="inline-block rounded-full border border-brand-100 bg-brand-50 px-3 py-1.5 text-sm text-brand-800 hover:bg-brand-100"
                >
                  {category.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
