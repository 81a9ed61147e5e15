import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { auth } from '@/auth';
import { loadDirectoryEditing } from '@/components/staff/directory-editing';
import { canManageAgency } from '@/lib/permissions';
import { ContactView, contactMetadata } from '../../../lien-he/contact-view';

/**
 * "Liên hệ" for a browser with a staff session (proxy.ts rewrites it here, lib/routes.ts
 * staffAboutViewOf): admins edit every unit and person in place. Rendered per request, never
 * cached; anyone who may not edit gets exactly the public page.
 */
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ trang?: string[] }> };

export const metadata: Metadata = { ...contactMetadata, robots: { index: false, follow: false } };

export default async function StaffContactPage({ params }: Props) {
  if ((await params).trang) notFound();
  const user = await auth();
  if (!user || !canManageAgency(user)) return <ContactView />;
  return <ContactView editing={await loadDirectoryEditing()} />;
}
