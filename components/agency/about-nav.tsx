import { routes } from '@/lib/routes';

export const ABOUT_PAGES = [
  { href: routes.about.home, label: 'Giới thiệu chung' },
  { href: routes.about.functions, label: 'Chức năng, nhiệm vụ' },
  { href: routes.about.organisation, label: 'Cơ cấu tổ chức' },
  { href: routes.about.leaders, label: 'Lãnh đạo' },
  { href: routes.about.history, label: 'Lịch sử' },
  { href: routes.contact, label: 'Liên hệ' },
] as const;

/** The pages of "Giới thiệu", the current one marked for screen readers. */
export function AboutNav({ current }: { current: string }) {
  return (
    <nav aria-label="Các trang giới thiệu" className="mb-5 print:hidden">
      <ul className="flex flex-wrap gap-2 text-sm">
        {ABOUT_PAGES.map((page) => (
          <li key={page.href}>
            <a
              href={page.href}
              aria-current={page.href === current ? 'page' : undefined}
              className="inline-block rounded-full border border-brand-100 bg-white px-3 py-1.5 text-brand-800 hover:bg-brand-50 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
            >
              {page.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
