/** Page links for a list whose page n lives at `hrefFor(n)`; page numbers around the current one. */
export function Pagination({ page, totalPages, hrefFor }: { page: number; totalPages: number; hrefFor: (page: number) => string }) {
  if (totalPages <= 1) return null;
  const first = Math.max(1, page - 2);
  const last = Math.min(totalPages, page + 2);
  const pages = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const itemClass = 'inline-flex min-h-10 min-w-10 items-center justify-center rounded border px-3 text-sm';
  return (
    <nav aria-label="Phân trang" className="mt-6">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 && (
          <li>
            <a href={hrefFor(page - 1)} rel="prev" className={`${itemClass} border-slate-300 bg-white hover:bg-brand-50`}>
              Trang trước
            </a>
          </li>
        )}
        {pages.map((n) => (
          <li key={n}>
            {n === page ? (
              <span aria-current="page" className={`${itemClass} border-brand-700 bg-brand-700 font-semibold text-white`}>
                <span className="sr-only">Trang </span>
                {n}
              </span>
            ) : (
              <a href={hrefFor(n)} className={`${itemClass} border-slate-300 bg-white hover:bg-brand-50`}>
                <span className="sr-only">Trang </span>
                {n}
              </a>
            )}
          </li>
        ))}
        {page < totalPages && (
          <li>
            <a href={hrefFor(page + 1)} rel="next" className={`${itemClass} border-slate-300 bg-white hover:bg-brand-50`}>
              Trang sau
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
