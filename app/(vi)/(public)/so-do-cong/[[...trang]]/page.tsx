import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { listMenuCategories } from '@/db/queries/categories';
import { routes } from '@/lib/routes';
import { canonicalAlternates } from '@/lib/site-url';

// "Sơ đồ cổng" behind an optional catch-all (lib/routes.ts, FIXED_PAGE_ROUTES) so `next build` never
// renders it: ISR, rendered on first request and revalidated with every public page (the layout).
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ trang?: string[] }> };

const TITLE = 'Sơ đồ cổng';

export const metadata: Metadata = {
  title: TITLE,
  description: 'Mọi chuyên mục và trang của Cổng thông tin điện tử Sở Nội vụ tỉnh An Giang trên một trang.',
  alternates: canonicalAlternates(routes.siteMap),
};

type Entry = { label: string; href: string; children?: Entry[]; lang?: string };

/** Every section of the portal as a nested list (Thông tư 32/2017/TT-BTTTT art. 16: an HTML site map). */
export default async function SiteMapPage({ params }: Props) {
  if ((await params).trang) notFound();
  const categories = await listMenuCategories();
  const entries: Entry[] = [
    { label: 'Trang chủ', href: routes.home },
    {
      label: 'Giới thiệu',
      href: routes.about.home,
      children: [
        { label: 'Chức năng, nhiệm vụ', href: routes.about.functions },
        { label: 'Cơ cấu tổ chức', href: routes.about.organisation },
        { label: 'Lãnh đạo', href: routes.about.leaders },
        { label: 'Lịch sử', href: routes.about.history },
      ],
    },
    {
      label: 'Tin tức',
      href: routes.home,
      children: categories.map((category) => ({ label: category.name, href: routes.category(category.slug) })),
    },
    { label: 'Văn bản', href: routes.documents() },
    { label: 'Thủ tục hành chính', href: routes.procedures() },
    { label: 'Góp ý dự thảo', href: routes.consultations },
    {
      label: 'Hỏi đáp',
      href: routes.questions(),
      children: [
        { label: 'Đặt câu hỏi', href: routes.askQuestion },
        { label: 'Tra cứu', href: routes.questionLookup },
      ],
    },
    { label: 'Liên hệ', href: routes.contact },
    { label: 'Tìm kiếm', href: routes.search },
    { label: 'Đánh giá cổng thông tin', href: routes.rating },
    {
      label: 'English',
      href: routes.english.home,
      lang: 'en',
      children: [
        { label: 'Organisation', href: routes.english.organisation, lang: 'en' },
        { label: 'Contacts', href: routes.english.contacts, lang: 'en' },
      ],
    },
    {
      label: 'Tin qua RSS',
      href: routes.feeds.articles,
      children: [
        { label: 'Tin tức mới nhất', href: routes.feeds.articles },
        ...categories.map((category) => ({ label: `Chuyên mục ${category.name}`, href: routes.feeds.category(category.slug) })),
        { label: 'Văn bản mới', href: routes.feeds.documents },
      ],
    },
    { label: 'Sơ đồ cổng dạng XML (cho máy tìm kiếm)', href: routes.sitemap },
  ];
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <Breadcrumb items={[{ label: 'Trang chủ', href: routes.home }, { label: TITLE }]} />
      <h1 className="border-b-2 border-brand-700 pb-2 text-2xl font-bold text-brand-800">{TITLE}</h1>
      <EntryList entries={entries} top />
    </div>
  );
}

function EntryList({ entries, top = false }: { entries: Entry[]; top?: boolean }) {
  return (
    <ul className={top ? 'mt-4 space-y-3' : 'mt-2 space-y-1 border-l-2 border-brand-100 pl-4'}>
      {entries.map((entry) => (
        <li key={`${entry.label}-${entry.href}`}>
          <a href={entry.href} lang={entry.lang} className={`text-brand-700 hover:underline ${top ? 'font-semibold' : ''}`}>
            {entry.label}
          </a>
          {entry.children && entry.children.length > 0 && <EntryList entries={entry.children} />}
        </li>
      ))}
    </ul>
  );
}
