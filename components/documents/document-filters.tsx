import { buttonClass, inputClass } from '@/components/staff/form-field';
import { EFFECT_LABELS, EFFECT_PARAMS, type DocumentCatalogs, type DocumentListFilters } from '@/lib/documents/rules';
import { routes } from '@/lib/routes';

function Select({
  id,
  name,
  label,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value?: number | string;
  options: { value: string | number; label: string }[];
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ''} className={inputClass}>
        <option value="">Tất cả</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A plain GET form: it works without JavaScript and its values stay in the address. */
export function DocumentFilters({
  filters,
  catalogs,
  years,
}: {
  filters: DocumentListFilters;
  catalogs: DocumentCatalogs;
  years: number[];
}) {
  const effect = Object.entries(EFFECT_PARAMS).find(([, status]) => status === filters.effect)?.[0];
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is not yet announced by every screen reader in use; role="search" is
    <form
      method="get"
      action={routes.documents()}
      role="search"
      aria-label="Tìm văn bản"
      className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
    >
      <div className="sm:col-span-2 lg:col-span-3">
        <label htmlFor="vb-tu-khoa" className="block text-sm font-semibold">
          Từ khóa
        </label>
        <input
          id="vb-tu-khoa"
          name="tu-khoa"
          type="search"
          maxLength={200}
          defaultValue={filters.keyword ?? ''}
          aria-describedby="vb-tu-khoa-goi-y"
          className={inputClass}
        />
        <p id="vb-tu-khoa-goi-y" className="mt-1 text-xs text-slate-600">
          Số/Ký hiệu (ví dụ 42/2022/NĐ-CP) hoặc trích yếu; gõ có dấu hay không dấu đều được.
        </p>
      </div>
      <Select
        id="vb-loai"
        name="loai"
        label="Loại văn bản"
        value={filters.typeId}
        options={catalogs.types.map((e) => ({ value: e.id, label: e.name }))}
      />
      <Select
        id="vb-co-quan"
        name="co-quan"
        label="Cơ quan ban hành"
        value={filters.issuerId}
        options={catalogs.issuers.map((e) => ({ value: e.id, label: e.name }))}
      />
      <Select
        id="vb-linh-vuc"
        name="linh-vuc"
        label="Lĩnh vực"
        value={filters.fieldId}
        options={catalogs.fields.map((e) => ({ value: e.id, label: e.name }))}
      />
      <Select
        id="vb-nam"
        name="nam"
        label="Năm ban hành"
        value={filters.year}
        options={years.map((year) => ({ value: year, label: String(year) }))}
      />
      <Select
        id="vb-hieu-luc"
        name="hieu-luc"
        label="Hiệu lực"
        value={effect}
        options={Object.entries(EFFECT_PARAMS).map(([value, status]) => ({ value, label: EFFECT_LABELS[status] }))}
      />
      <div className="flex items-end">
        <button type="submit" className={`${buttonClass} w-full sm:w-auto`}>
          Tìm kiếm
        </button>
      </div>
    </form>
  );
}
