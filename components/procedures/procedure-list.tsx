import { SyntheticBadge } from '@/components/article/article-card';
import { buttonClass, inputClass } from '@/components/staff/form-field';
import type { ProcedureListItem } from '@/db/queries/procedures';
import type { CatalogEntry } from '@/lib/documents/rules';
import { LEVEL_LABELS, LEVEL_PARAMS, type ProcedureListFilters } from '@/lib/procedures';
import { routes } from '@/lib/routes';

/** A plain GET form: works without JavaScript, its values stay in the address. */
export function ProcedureFilters({ filters, fields }: { filters: ProcedureListFilters; fields: CatalogEntry[] }) {
  const level = Object.entries(LEVEL_PARAMS).find(([, value]) => value === filters.level)?.[0];
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is not yet announced by every screen reader in use; role="search" is
    <form
      method="get"
      action={routes.procedures()}
      role="search"
      aria-label="Tìm thủ tục hành chính"
      className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto] lg:items-end"
    >
      <div className="sm:col-span-2 lg:col-span-1">
        <label htmlFor="tt-tu-khoa" className="block text-sm font-semibold">
          Từ khóa
        </label>
        <input
          id="tt-tu-khoa"
          name="tu-khoa"
          type="search"
          maxLength={200}
          defaultValue={filters.keyword ?? ''}
          aria-describedby="tt-tu-khoa-goi-y"
          className={inputClass}
        />
        <p id="tt-tu-khoa-goi-y" className="mt-1 text-xs text-slate-600">
          Mã hoặc tên thủ tục; gõ có dấu hay không dấu đều được.
        </p>
      </div>
      <div>
        <label htmlFor="tt-linh-vuc" className="block text-sm font-semibold">
          Lĩnh vực
        </label>
        <select id="tt-linh-vuc" name="linh-vuc" defaultValue={filters.fieldId ?? ''} className={inputClass}>
          <option value="">Tất cả</option>
          {fields.map((field) => (
            <option key={field.id} value={field.id}>
              {field.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="tt-cap" className="block text-sm font-semibold">
          Cấp thực hiện
        </label>
        <select id="tt-cap" name="cap" defaultValue={level ?? ''} className={inputClass}>
          <option value="">Tất cả</option>
          {Object.entries(LEVEL_PARAMS).map(([value, levelKey]) => (
            <option key={value} value={value}>
              {LEVEL_LABELS[levelKey]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end">
        <button type="submit" className={`${buttonClass} w-full sm:w-auto`}>
          Tìm kiếm
        </button>
      </div>
    </form>
  );
}

/** A table on wide screens, cards on a phone; only one is displayed at a time. */
export function ProcedureList({ items }: { items: ProcedureListItem[] }) {
  return (
    <>
      <table className="mt-4 hidden w-full border-collapse text-sm md:table">
        <caption className="sr-only">Danh sách thủ tục hành chính</caption>
        <thead>
          <tr className="border-b-2 border-slate-300 text-left">
            <th scope="col" className="py-2 pr-3">
              Mã thủ tục
            </th>
            <th scope="col" className="py-2 pr-3">
              Tên thủ tục
            </th>
            <th scope="col" className="py-2 pr-3">
              Lĩnh vực
            </th>
            <th scope="col" className="py-2">
              Cấp thực hiện
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className="border-b border-slate-200 align-top">
              <td className="whitespace-nowrap py-2 pr-3">{item.code}</td>
              <td className="py-2 pr-3">
                {item.synthetic && <SyntheticBadge />}
                <a href={routes.procedure(item.slug)} className="font-semibold text-brand-800 hover:underline">
                  {item.name}
                </a>
              </td>
              <td className="py-2 pr-3">{item.fieldName ?? ''}</td>
              <td className="whitespace-nowrap py-2">{LEVEL_LABELS[item.level]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="mt-4 divide-y divide-slate-200 md:hidden">
        {items.map((item) => (
          <li key={item.id} className="py-3">
            <h2 className="font-semibold">
              {item.synthetic && <SyntheticBadge />}
              <a href={routes.procedure(item.slug)} className="break-words text-brand-800 hover:underline">
                {item.name}
              </a>
            </h2>
            <p className="mt-1 text-sm text-slate-600">
              Mã {item.code} · {LEVEL_LABELS[item.level]}
              {item.fieldName && ` · ${item.fieldName}`}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
