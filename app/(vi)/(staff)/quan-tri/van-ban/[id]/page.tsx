import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConsultationWindowForm } from '@/components/documents/consultation-window-form';
import { DocumentEditorForm, type PickedRelation } from '@/components/documents/document-editor-form';
import { DocumentFilesEditor } from '@/components/documents/document-files-editor';
import { RowButtons } from '@/components/staff/action-form';
import { countCommentsByStatus, getConsultation } from '@/db/queries/consultations';
import { getDocumentForStaff, listDocumentCatalogs } from '@/db/queries/documents';
import { CONSULTATION_STATE_LABELS, consultationState } from '@/lib/documents/consultation';
import { formatNumber } from '@/lib/format-number';
import { canEditDocument, canModerateComments, canPublishDocuments, canWriteDocuments } from '@/lib/permissions';
import { routes } from '@/lib/routes';
import { toLocalDateTimeInput } from '@/lib/time';
import { requireStaff } from '@/server/auth/guard';
import { publishDocument, withdrawDocument } from '@/server/documents/actions';

export const metadata: Metadata = { title: 'Sửa văn bản - Quản trị' };

const STATUS_LABELS = { draft: 'Bản nháp', published: 'Đã xuất bản', withdrawn: 'Đã gỡ' } as const;

type Props = { params: Promise<{ id: string }> };

export default async function EditDocumentPage({ params }: Props) {
  const { id: idText } = await params;
  const user = await requireStaff({ from: routes.staff.documents(), allowed: canWriteDocuments });
  if (!/^[1-9][0-9]{0,8}$/.test(idText)) notFound();
  const [document, catalogs] = await Promise.all([getDocumentForStaff({ id: Number(idText) }), listDocumentCatalogs()]);
  if (!document || !canEditDocument(user, document)) notFound();
  const moderator = canModerateComments(user);
  const [consultation, commentCounts] = moderator
    ? await Promise.all([getConsultation({ documentId: document.id }), countCommentsByStatus({ documentId: document.id })])
    : [null, null];
  const relations: PickedRelation[] = [
    ...document.relations.replaces.map((r) => ({ kind: 'replaces' as const, id: r.id, number: r.number })),
    ...document.relations.amends.map((r) => ({ kind: 'amends' as const, id: r.id, number: r.number })),
  ];
  // "Liên quan" is listed from both sides; only the ones recorded from this document are edited here.
  const related = document.relations.related.filter((r) => !relations.some((x) => x.id === r.id));
  const statusButtons = canPublishDocuments(user)
    ? [
        document.status === 'published'
          ? {
              id: 'vb-go',
              text: 'Gỡ văn bản',
              label: 'Gỡ văn bản khỏi cổng thông tin',
              action: withdrawDocument,
              input: { id: document.id, version: document.version },
              done: 'Đã gỡ văn bản.',
              danger: true,
            }
          : {
              id: 'vb-xuat-ban',
              text: 'Xuất bản',
              label: 'Xuất bản văn bản',
              action: publishDocument,
              input: { id: document.id, version: document.version },
              done: 'Đã xuất bản văn bản.',
            },
      ]
    : [];
  return (
    <div className="space-y-6">
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h1 className="text-xl font-bold text-brand-900">
          {document.typeName} {document.number}
        </h1>
        <p className="mt-1 text-sm text-slate-700">
          Trạng thái: <strong>{STATUS_LABELS[document.status]}</strong>
          {document.status === 'published' && (
            <>
              {' '}
              ·{' '}
              <Link href={routes.document(document.slug)} className="underline">
                Xem trên cổng thông tin
              </Link>
            </>
          )}
        </p>
        {statusButtons.length > 0 && (
          <div className="mt-3">
            <RowButtons buttons={statusButtons} />
          </div>
        )}
      </div>
      <section aria-labelledby="vb-thong-tin" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="vb-thong-tin" className="mb-3 font-bold">
          Thông tin văn bản
        </h2>
        <DocumentEditorForm
          catalogs={catalogs}
          initial={{
            id: document.id,
            version: document.version,
            number: document.number,
            typeId: document.typeId,
            issuerId: document.issuerId,
            fieldId: document.fieldId,
            signerName: document.signerName,
            signerTitle: document.signerTitle,
            issuedOn: document.issuedOn,
            effectiveOn: document.effectiveOn ?? '',
            expiresOn: document.expiresOn ?? '',
            summary: document.summary,
            relations: [...relations, ...related.map((r) => ({ kind: 'related' as const, id: r.id, number: r.number }))],
          }}
        />
      </section>
      <section aria-labelledby="vb-tep-dinh-kem" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="vb-tep-dinh-kem" className="mb-3 font-bold">
          Tệp đính kèm
        </h2>
        <DocumentFilesEditor documentId={document.id} files={document.files} />
      </section>
      {moderator && (
        <section aria-labelledby="vb-gop-y" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="vb-gop-y" className="mb-1 font-bold">
            Góp ý dự thảo
          </h2>
          <p className="mb-3 text-sm text-slate-700">
            {consultation
              ? `${CONSULTATION_STATE_LABELS[consultationState(consultation)]}.`
              : 'Văn bản này không lấy ý kiến góp ý. Đặt thời gian góp ý để mở mẫu “Góp ý” trên trang của văn bản (khi đã xuất bản).'}
            {consultation && commentCounts && (
              <>
                {' '}
                <Link href={routes.staff.documentComments(document.id)} className="font-semibold text-brand-800 underline">
                  Duyệt góp ý ({formatNumber(commentCounts.pending)} chờ duyệt, {formatNumber(commentCounts.published)} đã đăng)
                </Link>
              </>
            )}
          </p>
          <ConsultationWindowForm
            documentId={document.id}
            opensAt={toLocalDateTimeInput(consultation?.opensAt ?? null)}
            closesAt={toLocalDateTimeInput(consultation?.closesAt ?? null)}
          />
        </section>
      )}
    </div>
  );
}
