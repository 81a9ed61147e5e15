import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { DocumentDetailView } from '@/components/documents/document-detail';
import { PrintBar, PrintSource } from '@/components/print/print-controls';
import { getPublishedDocumentBySlug } from '@/db/queries/documents';
import { todayInVietnam } from '@/lib/documents/rules';
import { routes } from '@/lib/routes';
import { isValidSlug } from '@/lib/slug';

// ISR like the news pages, revalidated by every change (lib/cache-tags.ts pagesShowingDocument).
// Tình trạng hiệu lực depends on the day: the five minutes also bound how late it turns at midnight.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

const loadDocument = cache(async (slug: string) => (isValidSlug(slug) ? getPublishedDocumentBySlug({ slug }) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const document = await loadDocument((await params).slug);
  if (!document) return { title: 'Không tìm thấy trang' };
  const title = `${document.typeName} ${document.number}`;
  return { title, description: document.summary.slice(0, 300), alternates: { canonical: routes.document(document.slug) } };
}

export default async function DocumentPage({ params }: Props) {
  const document = await loadDocument((await params).slug);
  if (!document) notFound();
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <Breadcrumb
        items={[{ label: 'Trang chủ', href: routes.home }, { label: 'Văn bản', href: routes.documents() }, { label: document.number }]}
      />
      <DocumentDetailView document={document} today={todayInVietnam()} />
      <PrintBar label="In văn bản" />
      <PrintSource path={routes.document(document.slug)} />
    </div>
  );
}
