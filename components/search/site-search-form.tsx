import { routes } from '@/lib/routes';
import { SEARCH_MAX_CHARS } from '@/lib/search-text';

/**
 * The header's search box: a plain GET form to /tim-kiem, so it works without JavaScript.
 */
export function SiteSearchForm({ id, className = '', defaultValue }: { id: string; className?: string; defaultValue?: string }) {
  return (
    <search className={className}>
      <form action={routes.search} method="get" className="flex gap-2">
        <label htmlFor={id} className="sr-only">
          Tìm kiếm
        </label>
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={defaultValue}
          maxLength={SEARCH_MAX_CHARS}
          placeholder="Tìm kiếm"
          enterKeyHint="search"
          className="min-h-10 w-full min-w-0 rounded border border-slate-300 bg-white px-3 text-base text-slate-900 placeholder:text-slate-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
        />
        <button
          type="submit"
          className="min-h-10 shrink-0 rounded border border-white bg-brand-900 px-4 font-semibold text-white hover:bg-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
        >
          Tìm
        </button>
      </form>
    </search>
  );
}
