import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ContactView, contactMetadata } from '../contact-view';

// "Liên hệ" behind an optional catch-all (lib/routes.ts, FIXED_PAGE_ROUTES) so `next build` never
// renders it: ISR, rendered on first request and revalidated when the directory changes.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ trang?: string[] }> };

export const metadata: Metadata = contactMetadata;

export default async function ContactPage({ params }: Props) {
  if ((await params).trang) notFound();
  return <ContactView />;
}
