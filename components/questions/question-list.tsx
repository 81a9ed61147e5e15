import { buttonClass, inputClass } from '@/components/staff/form-field';
import type { PublicQuestionListItem } from '@/db/queries/questions';
import { formatDate } from '@/lib/format';
import type { QuestionListFilters } from '@/lib/questions/list-params';
import { routes } from '@/lib/routes';

/** "Đặt câu hỏi" and "Tra cứu", at the top of every Hỏi đáp page. */
export function QuestionLinks() {
  return (
    <p className="mt-3 flex flex-wrap gap-3">
      <a href={routes.askQuestion} className={buttonClass}>
        Đặt câu hỏi
      </a>
      <a href={routes.questionLookup} className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50">
        Tra cứu câu hỏi
      </a>
    </p>
  );
}

/** A plain GET form: works without JavaScript, its values stay in the address. */
export function QuestionFilters({ filters, fields }: { filters: QuestionListFilters; fields: { id: number; name: string }[] }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is not yet announced by every screen reader in use; role="search" is
    <form
      method="get"
      action={routes.questions()}
      role="search"
      aria-label="Tìm câu hỏi"
      className="mt-4 grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end"
    >
      <div>
        <label htmlFor="hd-tu-khoa" className="block text-sm font-semibold">
          Từ khóa
        </label>
        <input
          id="hd-tu-khoa"
          name="tu-khoa"
          type="search"
          maxLength={200}
          defaultValue={filters.keyword ?? ''}
          aria-describedby="hd-tu-khoa-goi-y"
          className={inputClass}
        />
        <p id="hd-tu-khoa-goi-y" className="mt-1 text-xs text-slate-600">
          Trong tiêu đề, câu hỏi và câu trả lời; gõ có dấu hay không dấu đều được.
        </p>
      </div>
      <div>
        <label htmlFor="hd-linh-vuc" className="block text-sm font-semibold">
          Lĩnh vực
        </label>
        <select id="hd-linh-vuc" name="linh-vuc" defaultValue={filters.fieldId ?? ''} className={inputClass}>
          <option value="">Tất cả</option>
          {fields.map((field) => (
            <option key={field.id} value={field.id}>
              {field.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end sm:pb-5">
        <button type="submit" className={`${buttonClass} w-full sm:w-auto`}>
          Tìm kiếm
        </button>
      </div>
    </form>
  );
}

export function QuestionList({ items }: { items: PublicQuestionListItem[] }) {
  return (
    <ul className="mt-4 divide-y divide-slate-200">
      {items.map((item) => (
        <li key={item.slug} className="py-3">
          <a href={routes.question(item.slug)} className="text-lg font-semibold text-brand-800 hover:underline">
            {item.title}
          </a>
          <p className="mt-1 text-sm text-slate-600">
            {item.fieldName ? `${item.fieldName} · ` : ''}Trả lời ngày {formatDate(new Date(item.publishedAt))}
          </p>
        </li>
      ))}
    </ul>
  );
}
