import type { CategorySummary } from '@/db/queries/categories';
import type { SiteInfo } from '@/db/settings-defaults';
import { SiteSearchForm } from '@/components/search/site-search-form';
import { routes } from '@/lib/routes';

/** Its utilities are in app/globals.css: repeated ~30 times on every page, they were 9 kB of it. */
const linkClass = 'menu-link';

function MenuLinks({ categories }: { categories: CategorySummary[] }) {
  return (
    <>
      <li>
        <a href={routes.home} className={linkClass}>
          Trang chủ
        </a>
      </li>
      <li>
        <a href={routes.about.home} className={linkClass}>
          Giới thiệu
        </a>
      </li>
      {categories.map((category) => (
        <li key={category.id}>
          <a href={routes.category(category.slug)} className={linkClass}>
            {category.name}
          </a>
        </li>
      ))}
      <li>
        <a href={routes.documents()} className={linkClass}>
          Văn bản
        </a>
      </li>
      <li>
        <a href={routes.procedures()} className={linkClass}>
          Thủ tục hành chính
        </a>
      </li>
      <li>
        <a href={routes.questions()} className={linkClass}>
          Hỏi đáp
        </a>
      </li>
      <li>
        <a href={routes.consultations} className={linkClass}>
          Góp ý dự thảo
        </a>
      </li>
      <li>
        <a href={routes.contact} className={linkClass}>
          Liên hệ
        </a>
      </li>
    </>
  );
}

/**
 * The menu works without JavaScript, and is in the page once: on a phone the search box and the
 * links follow a closed <details> whose summary shows them (`peer-open:`), on wider screens they
 * are a plain row. (Twice, for phone and desktop, they were ~5 kB of every page, HTML and RSC data.)
 * The search box comes before the links, as a phone shows them; on wider screens it is drawn at
 * the row's end.
 */
export function SiteHeader({
  site,
  categories,
  englishHref = routes.english.home,
}: {
  site: SiteInfo;
  categories: CategorySummary[];
  englishHref?: string;
}) {
  return (
    <header className="print:border-b print:border-black">
      <a
        href="#noi-dung"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-800"
      >
        Bỏ qua, đến nội dung chính
      </a>
      <div className="bg-brand-800 text-white print:bg-white print:text-black">
        <div className="mx-auto flex max-w-6xl items-start justify-between gap-3 px-4 py-4 sm:py-6">
          <a href={routes.home} className="inline-block focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-white">
            <span className="block text-xs font-medium uppercase tracking-wide text-brand-100 sm:text-sm print:text-black">
              {site.parentName}
            </span>
            <span className="block text-xl font-bold uppercase leading-tight sm:text-3xl">{site.name}</span>
          </a>
          <a
            href={englishHref}
            lang="en"
            hrefLang="en"
            className="shrink-0 rounded border border-brand-100 px-2 py-1 text-sm font-semibold text-white hover:bg-brand-900 focus-visible:outline-2 focus-visible:outline-white print:hidden"
          >
            English
          </a>
        </div>
      </div>
      <nav aria-label="Menu chính" className="bg-brand-700 print:hidden">
        <div className="mx-auto max-w-6xl md:flex md:items-center md:gap-4">
          <details className="peer group md:hidden">
            <summary className="flex cursor-pointer list-none items-center justify-between px-4 py-3 font-semibold text-white [&::-webkit-details-marker]:hidden">
              <span>Chuyên mục</span>
              <span aria-hidden="true" className="text-xl leading-none group-open:rotate-45">
                +
              </span>
            </summary>
          </details>
          <SiteSearchForm
            id="tim-kiem-dau-trang"
            className="hidden border-t border-brand-600 px-4 py-3 peer-open:block md:order-last md:block md:w-64 md:shrink-0 md:border-0 md:py-1.5 md:pl-0 md:pr-2"
          />
          <ul className="hidden border-t border-brand-600 pb-2 peer-open:block md:flex md:flex-1 md:flex-wrap md:border-0 md:pb-0 md:text-sm md:peer-open:flex">
            <MenuLinks categories={categories} />
          </ul>
        </div>
      </nav>
    </header>
  );
}
