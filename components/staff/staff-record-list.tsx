import { buttonClass, inputClass } from '@/components/staff/form-field';
import { Pagination } from '@/components/ui/pagination';

/** How documents and procedures say their state in the staff lists. */
export const RECORD_STATUS_LABELS = { draft: 'Bản nháp', published: 'Đã xuất bản', withdrawn: 'Đã gỡ' } as const;

/** `?q=&trang=` of a staff list: the keyword (trimmed, at most 200 characters) and a sane page number. */
export function staffListQuery(raw: Record<string, string | string[] | undefined>): { q: string; page: number } {
  const q = typeof raw.q === 'string' ? raw.q.trim().slice(0, 200) : '';
  const pageText = typeof raw.trang === 'string' ? raw.trang : '1';
  return { q, page: /^[1-9][0-9]{0,5}$/.test(pageText) ? Number(pageText) : 1 };
}

/**
 * The staff list of documents or procedures: its heading with the count, a keyword filter that
 * works without JavaScript (GET), one row per record, and the pages. `noun` is "văn bản" or
 * "thủ tục"; `idPrefix` keeps the two pages' ids apart.
 */
export function StaffRecordList<T extends { id: number }>({
  idPrefix,
  noun,
  heading,
  total,
  searchAction,
  q,
  items,
  row,
  page,
  totalPages,
  hrefFor,
}: {
  idPrefix: string;
  noun: string;
  heading: string;
  total: number;
  searchAction: string;
  q: string;
  items: T[];
  row: (item: T) => React.ReactNode;
  page: number;
  totalPages: number;
  hrefFor: (page: number) => string;
}) {
  return (
    <section aria-labelledby={`${idPrefix}-danh-sach`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`${idPrefix}-danh-sach`} className="mb-3 font-bold">
        {heading} ({total})
      </h2>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet announced by every screen reader in use; role="search" is */}
      <form method="get" action={searchAction} role="search" aria-label={`Lọc ${noun}`} className="mb-4 flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1">
          <label htmlFor={`${idPrefix}-loc-q`} className="block text-sm font-semibold">
            Từ khóa
          </label>
          <input id={`${idPrefix}-loc-q`} name="q" type="search" maxLength={200} defaultValue={q} className={inputClass} />
        </div>
        <button type="submit" className={buttonClass}>
          Lọc
        </button>
      </form>
      {items.length === 0 ? (
        <p>{q ? `Không có ${noun} nào phù hợp.` : `Chưa có ${noun} nào.`}</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {items.map((item) => (
            <li key={item.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
              {row(item)}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={Math.min(page, totalPages)} totalPages={totalPages} hrefFor={hrefFor} />
    </section>
  );
}
