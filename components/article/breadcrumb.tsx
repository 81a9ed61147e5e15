export type Crumb = { label: string; href?: string };

export function Breadcrumb({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Đường dẫn" className="mb-4 text-sm print:hidden">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-600">
        {items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a breadcrumb never reorders; two crumbs may share a label
          <li key={`${index}-${item.label}`} className="flex min-w-0 items-center gap-2">
            {index > 0 && <span aria-hidden="true">›</span>}
            {item.href ? (
              <a href={item.href} className="text-brand-700 hover:underline">
                {item.label}
              </a>
            ) : (
              <span aria-current="page" className="line-clamp-1 text-slate-800">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
