import { routes } from '@/lib/routes';

const PAGES = [
  { href: routes.english.home, label: 'About the Department' },
  { href: routes.english.organisation, label: 'Organisation' },
  { href: routes.english.contacts, label: 'Contacts' },
] as const;

const linkClass =
  'block px-3 py-2.5 font-medium text-white hover:bg-brand-900 aria-[current=page]:bg-brand-900 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-white';

/** The English pages' header: the department, three pages, and "Tiếng Việt" to the matching Vietnamese page. */
export function EnglishHeader({
  name,
  parentName,
  current,
  vietnamese,
}: {
  name: string;
  parentName: string;
  current: string;
  vietnamese: string;
}) {
  return (
    <header>
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-800"
      >
        Skip to content
      </a>
      <div className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl items-start justify-between gap-3 px-4 py-4 sm:py-6">
          <a
            href={routes.english.home}
            className="inline-block focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-white"
          >
            <span lang="vi" className="block text-xs font-medium uppercase tracking-wide text-brand-100 sm:text-sm">
              {parentName}
            </span>
            <span className="block text-xl font-bold uppercase leading-tight [overflow-wrap:anywhere] sm:text-3xl">{name}</span>
          </a>
          <a
            href={vietnamese}
            lang="vi"
            hrefLang="vi"
            className="shrink-0 rounded border border-brand-100 px-2 py-1 text-sm font-semibold text-white hover:bg-brand-900 focus-visible:outline-2 focus-visible:outline-white print:hidden"
          >
            Tiếng Việt
          </a>
        </div>
      </div>
      <nav aria-label="Main menu" className="bg-brand-700 print:hidden">
        <ul className="mx-auto flex max-w-6xl flex-wrap text-sm">
          {PAGES.map((page) => (
            <li key={page.href}>
              <a href={page.href} aria-current={page.href === current ? 'page' : undefined} className={linkClass}>
                {page.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
