import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { auth } from '@/auth';
import { loadDirectoryEditing } from '@/components/staff/directory-editing';
import { InlinePageEditor } from '@/components/staff/inline-agency-editors';
import { getAgencyPage } from '@/db/queries/agency';
import { canManageAgency } from '@/lib/permissions';
import { AboutPage, aboutMetadata, aboutViewOf, RICH_PAGES } from '../../../gioi-thieu/about-views';

/**
 * The Giới thiệu pages for a browser with a staff session: proxy.ts rewrites them here, so the
 * address stays the public one and admins edit in place ("Chỉnh sửa": the rich-text pages, and
 * every unit and person on Cơ cấu tổ chức and Lãnh đạo). Rendered per request,
 * never cached; anyone who may not edit (a stale cookie, an editor) gets exactly the public page.
 */
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ trang?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = aboutViewOf((await params).trang);
  return view === null ? { title: 'Không tìm thấy trang' } : { ...aboutMetadata(view), robots: { index: false, follow: false } };
}

export default async function StaffAboutPage({ params }: Props) {
  const view = aboutViewOf((await params).trang);
  if (view === null) notFound();
  const user = await auth();
  if (!user || !canManageAgency(user)) return <AboutPage view={view} />;
  if (view === '' || view === 'chuc-nang-nhiem-vu' || view === 'lich-su') {
    const key = RICH_PAGES[view];
    const page = await getAgencyPage({ key });
    return (
      <AboutPage
        view={view}
        editing={{ pageEditor: <InlinePageEditor page={{ key, bodyHtml: page.bodyHtml, version: page.version }} /> }}
      />
    );
  }
  return <AboutPage view={view} editing={{ directory: await loadDirectoryEditing() }} />;
}
