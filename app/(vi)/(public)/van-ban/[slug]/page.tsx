import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { ConsultationSection } from '@/components/documents/consultation-section';
import { DocumentDetailView } from '@/components/documents/document-detail';
import { PrintBar, PrintSource } from '@/components/print/print-controls';
import { getPublicConsultation } from '@/db/queries/consultations';
import { getPublishedDocumentBySlug } from '@/db/queries/documents';
import { consultationState } from '@/lib/documents/consultation';
import { todayInVietnam } from '@/lib/documents/rules';
import { routes } from '@/lib/routes';
import { isValidSlug } from '@/lib/slug';
import { submitDraftComment } from './public-actions';
import { canonicalAlternates } from '@/lib/site-url';

// ISR like the news pages, revalidated by every change (lib/cache-tags.ts pagesShowingDocument).
// Tình trạng hiệu lực depends on the day: the five minutes also bound how late it turns at midnight,
// and how late a draft's "Góp ý" form opens or closes on the page (the action itself checks the
// window at the instant of each comment, so none is taken outside it).
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
  return { title, description: document.summary.slice(0, 300), alternates: canonicalAlternates(routes.document(document.slug)) };
}

export default async function DocumentPage({ params }: Props) {
  const document = await loadDocument((await params).slug);
  if (!document) notFound();
  const consultation = await getPublicConsultation({ documentId: document.id });
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <Breadcrumb
        items={[{ label: 'Trang chủ', href: routes.home }, { label: 'Văn bản', href: routes.documents() }, { label: document.number }]}
      />
      <DocumentDetailView document={document} today={todayInVietnam()} />
      <PrintBar label="In văn bản" />
      <PrintSource path={routes.document(document.slug)} />
      {consultation && (
        <ConsultationSection
          documentId={document.id}
          consultation={consultation}
          state={consultationState(consultation)}
          action={submitDraftComment}
        />
      )}
    </div>
  );
}
