import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ArticleList } from '@/components/article/article-card';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { Pagination } from '@/components/ui/pagination';
import { listCategoryArticles } from '@/db/queries/articles';
import { getCategoryBySlug } from '@/db/queries/categories';
import { isValidSlug } from '@/lib/slug';
import { routes } from '@/lib/routes';
import { canonicalLinks } from '@/lib/site-url';

export const CATEGORY_PAGE_SIZE = 10;
const MAX_PAGE = 100_000;

/** "3" → 3; anything that is not a plain page number → null. */
export function parsePageNumber(value: string): number | null {
  if (!/^\d{1,6}$/.test(value)) return null;
  const page = Number(value);
  return page >= 1 && page <= MAX_PAGE ? page : null;
}

// generateMetadata and the page ask for the same category in one request: ask the database once.
export const loadCategory = cache(async (slug: string) => (isValidSlug(slug) ? getCategoryBySlug({ slug }) : null));

export async function categoryMetadata(slug: string, page: number): Promise<Metadata> {
  const category = await loadCategory(slug);
  if (!category) return { title: 'Không tìm thấy trang' };
  const title = page > 1 ? `${category.name} - Trang ${page}` : category.name;
  const description = category.description || `Tin bài chuyên mục ${category.name} của Sở Nội vụ tỉnh An Giang.`;
  const { alternates, openGraphUrl } = canonicalLinks(routes.category(category.slug, page));
  return { title, description, alternates, openGraph: { title, description, url: openGraphUrl } };
}

export async function CategoryView({ slug, page }: { slug: string; page: number }) {
  const category = await loadCategory(slug);
  if (!category) notFound();
  const { items, total } = await listCategoryArticles({ categoryId: category.id, page, pageSize: CATEGORY_PAGE_SIZE });
  const totalPages = Math.max(1, Math.ceil(total / CATEGORY_PAGE_SIZE));
  if (page > totalPages) notFound();

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <link rel="alternate" type="application/rss+xml" title={`Chuyên mục ${category.name}`} href={routes.feeds.category(category.slug)} />
      <Breadcrumb items={[{ label: 'Trang chủ', href: routes.home }, { label: category.name }]} />
      <h1 className="border-b-2 border-brand-700 pb-2 text-2xl font-bold text-brand-800">{category.name}</h1>
      {page > 1 && <p className="mt-2 text-sm text-slate-600">Trang {page}</p>}
      {items.length > 0 ? (
        <ArticleList articles={items} headingLevel={2} />
      ) : (
        <p className="mt-4 text-slate-700">Chưa có bài viết trong chuyên mục này.</p>
      )}
      <Pagination page={page} totalPages={totalPages} hrefFor={(n) => routes.category(category.slug, n)} />
    </div>
  );
}
