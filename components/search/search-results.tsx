import { Pagination } from '@/components/ui/pagination';
import type { SiteSearchResults } from '@/db/queries/search';
import { formatDate, formatDateTime } from '@/lib/format';
import { formatNumber } from '@/lib/format-number';
import { routes } from '@/lib/routes';
import { markTerms, SEARCH_MAX_RESULTS, type SearchType, searchCountText, searchTypeLabel, snippetOf } from '@/lib/search/results';
import { SEARCH_MAX_WORDS, type SearchQuery } from '@/lib/search-text';
import { Marked } from './marked-text';

type Props = {
  query: SearchQuery;
  type: SearchType | null;
  page: number;
  totalPages: number;
  types: readonly { key: SearchType; label: string }[];
  found: SiteSearchResults;
  failed: boolean;
  unknownType: boolean;
};

/** The search box, the filter by type with its counts, the results of one page and the page links. */
export function SearchResults({ query, type, page, totalPages, types, found, failed, unknownType }: Props) {
  const hrefFor = (loai: SearchType | null, trang = 1) =>
    routes.searchResults({ q: query.text, loai: loai ?? undefined, trang: trang > 1 ? trang : undefined });
  const searched = query.terms.length > 0;
  const wordCount = query.terms.reduce((sum, term) => sum + term.exact.split(' ').length, 0);
  return (
    <>
      <search>
        <form action={routes.search} method="get" className="mt-4 flex flex-wrap gap-2">
          <label htmlFor="tu-khoa-tim-kiem" className="w-full font-semibold">
            Tìm kiếm
          </label>
          <input
            id="tu-khoa-tim-kiem"
            name="q"
            type="search"
            defaultValue={query.text}
            maxLength={200}
            enterKeyHint="search"
            aria-describedby="goi-y-tim-kiem"
            className="min-h-11 min-w-0 flex-1 rounded border border-slate-400 px-3 text-base"
          />
          {type && <input type="hidden" name="loai" value={type} />}
          <button type="submit" className="min-h-11 rounded bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800">
            Tìm
          </button>
          <p id="goi-y-tim-kiem" className="w-full text-sm text-slate-600">
            Gõ có dấu hoặc không dấu; mọi từ đều phải có. Đặt cụm từ trong ngoặc kép để tìm đúng cụm từ, ví dụ "thi đua khen thưởng".
          </p>
        </form>
      </search>

      {searched && !failed && (
        <nav aria-label="Loại nội dung" className="mt-4">
          <ul className="flex flex-wrap gap-2 text-sm">
            {[
              { key: null, label: 'Tất cả', count: searchCountText(Object.values(found.counts)) },
              ...types.map((t) => ({ ...t, count: searchCountText([found.counts[t.key] ?? 0]) })),
            ].map((entry) => {
              const current = entry.key === type;
              return (
                <li key={entry.label}>
                  <a
                    href={hrefFor(entry.key)}
                    aria-current={current ? 'page' : undefined}
                    className={`inline-flex min-h-10 items-center rounded-full border px-3 ${current ? 'border-brand-700 bg-brand-700 font-semibold text-white' : 'border-slate-300 bg-white text-brand-800 hover:bg-brand-50'}`}
                  >
                    {entry.label} ({entry.count})
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
      )}

      <div role="status" className="mt-4 space-y-1">
        {unknownType && <p className="text-sm text-amber-900">Loại nội dung trong địa chỉ không có; đang tìm trong mọi loại.</p>}
        {wordCount >= SEARCH_MAX_WORDS && <p className="text-sm text-amber-900">Chỉ {SEARCH_MAX_WORDS} từ đầu tiên được dùng để tìm.</p>}
        {failed ? (
          <p>Chưa tìm được lúc này. Vui lòng thử lại sau giây lát.</p>
        ) : !searched ? (
          <p>Nhập từ cần tìm: tin tức, văn bản, thủ tục hành chính và các trang giới thiệu của Sở.</p>
        ) : found.total === 0 ? (
          <p>Không tìm thấy kết quả nào cho “{query.text}”. Hãy thử ít từ hơn hoặc từ khác.</p>
        ) : (
          <p className="font-semibold">
            Tìm thấy {searchCountText(type === null ? Object.values(found.counts) : [found.counts[type] ?? 0])} kết quả cho “{query.text}”
            {found.more && (
              <span className="font-normal">
                {' '}
                (hiển thị {formatNumber(SEARCH_MAX_RESULTS)} kết quả mới nhất; thêm từ để thu hẹp kết quả)
              </span>
            )}
          </p>
        )}
      </div>

      {found.results.length > 0 && (
        <ol className="mt-4 divide-y divide-slate-200" start={(page - 1) * 10 + 1}>
          {found.results.map((result) => (
            <li key={`${result.type}-${result.id}`} className="py-4">
              <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">
                {searchTypeLabel(result.type)}
                {result.synthetic && (
                  <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 normal-case text-amber-900">Dữ liệu thử nghiệm</span>
                )}
              </p>
              <h2 className="mt-1 text-lg font-semibold leading-snug">
                <a href={result.href} className="text-brand-800 hover:underline">
                  <Marked pieces={markTerms(result.title, query.terms)} />
                </a>
              </h2>
              {result.text && (
                <p className="mt-1 text-sm text-slate-700">
                  <Marked pieces={snippetOf(result.text, query.terms)} />
                </p>
              )}
              {result.date && (
                <p className="mt-1 text-sm text-slate-600">
                  <time dateTime={result.date.toISOString()}>
                    {result.type === 'tin-tuc' ? formatDateTime(result.date) : formatDate(result.date)}
                  </time>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} totalPages={totalPages} hrefFor={(n) => hrefFor(type, n)} />
    </>
  );
}
