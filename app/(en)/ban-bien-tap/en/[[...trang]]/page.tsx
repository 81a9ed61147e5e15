import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { auth } from '@/auth';
import { loadDirectoryEditing } from '@/components/staff/directory-editing';
import { InlinePageEditor } from '@/components/staff/inline-agency-editors';
import { getAgencyPage } from '@/db/queries/agency';
import { canManageAgency } from '@/lib/permissions';
import { EnglishPage, englishMetadata, englishViewOf } from '../../../en/english-views';

/**
 * The English pages for a browser with a staff session (proxy.ts rewrites them here, lib/routes.ts
 * staffAboutViewOf): admins edit the English overview, and units' and people's names in both
 * languages, in place. Rendered per request, never cached; anyone else gets the public page.
 */
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ trang?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { ...englishMetadata(englishViewOf((await params).trang)), robots: { index: false, follow: false } };
}

export default async function StaffEnglishPage({ params }: Props) {
  const view = englishViewOf((await params).trang);
  if (view === null) notFound();
  const user = await auth();
  if (!user || !canManageAgency(user)) return <EnglishPage view={view} />;
  if (view === '') {
    const page = await getAgencyPage({ key: 'en_overview' });
    return (
      <EnglishPage
        view={view}
        editing={{ pageEditor: <InlinePageEditor page={{ key: 'en_overview', bodyHtml: page.bodyHtml, version: page.version }} /> }}
      />
    );
  }
  return <EnglishPage view={view} editing={{ directory: await loadDirectoryEditing() }} />;
}
