import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { SearchResults } from '@/components/search/search-results';
import { SEARCHABLE_TYPES, type SiteSearchResults } from '@/db/queries/search';
import { SEARCH_MAX_PAGE, SEARCH_PAGE_SIZE, type SearchType, isSearchType } from '@/lib/search/results';
import { parseSearchQuery } from '@/lib/search-text';
import { routes } from '@/lib/routes';
import { searchSiteCached } from '@/server/search';

/**
 * Tìm kiếm: rendered per request, never cached (any query is possible, and caching each would
 * write a file per address tried). Page views are counted by the proxy as views of /tim-kiem
 * (the query string is not part of the counted path).
 */
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = parseSearchQuery(first((await searchParams).q).slice(0, 1000)).text;
  return {
    title: q ? `Tìm kiếm: ${q}` : 'Tìm kiếm',
    description: 'Tìm tin tức, văn bản, thủ tục hành chính và các trang của Sở Nội vụ tỉnh An Giang, có dấu hoặc không dấu.',
    // Result pages are for people; search engines index the pages themselves.
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = parseSearchQuery(first(params.q).slice(0, 1000));
  const typeParam = first(params.loai);
  const type: SearchType | null = isSearchType(typeParam) && SEARCHABLE_TYPES.some((entry) => entry.key === typeParam) ? typeParam : null;
  const pageParam = first(params.trang);
  if (pageParam !== '' && !/^[1-9][0-9]{0,3}$/.test(pageParam)) notFound();
  const page = pageParam ? Number(pageParam) : 1;
  if (page > SEARCH_MAX_PAGE) notFound();

  let failed = false;
  let found: SiteSearchResults = { counts: {}, total: 0, more: false, results: [] };
  try {
    found = await searchSiteCached({ query, type, page });
  } catch (error) {
    // A search that fails says so; it never becomes a server error page.
    console.error('[tim-kiem] Tìm kiếm lỗi.', error);
    failed = true;
  }
  const totalPages = Math.min(SEARCH_MAX_PAGE, Math.max(1, Math.ceil(found.total / SEARCH_PAGE_SIZE)));
  if (!failed && page > totalPages) notFound();

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <Breadcrumb items={[{ label: 'Trang chủ', href: routes.home }, { label: 'Tìm kiếm' }]} />
      <h1 className="border-b-2 border-brand-700 pb-2 text-2xl font-bold text-brand-800">Tìm kiếm</h1>
      <SearchResults
        query={query}
        type={type}
        page={page}
        totalPages={totalPages}
        types={SEARCHABLE_TYPES}
        found={found}
        failed={failed}
        unknownType={typeParam !== '' && type === null}
      />
    </div>
  );
}
