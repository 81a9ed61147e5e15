import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CommentModerationButtons } from '@/components/documents/comment-moderation';
import { DocumentFilesEditor } from '@/components/documents/document-files-editor';
import { getConsultation, listCommentsForStaff } from '@/db/queries/consultations';
import { getDocumentForStaff, listDocumentFiles } from '@/db/queries/documents';
import { getDb } from '@/db';
import { COMMENT_STATUS_LABELS, type CommentStatus, CONSULTATION_STATE_LABELS, consultationState } from '@/lib/documents/consultation';
import { formatDateTime } from '@/lib/format';
import { formatNumber } from '@/lib/format-number';
import { canModerateComments } from '@/lib/permissions';
import { routes } from '@/lib/routes';
import { requireStaff } from '@/server/auth/guard';

export const metadata: Metadata = { title: 'Duyệt góp ý dự thảo - Quản trị' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const FILTERS: (CommentStatus | 'all')[] = ['pending', 'published', 'hidden', 'all'];

/**
 * The comments on a draft for comment, for editors and admins: publish those that may be public,
 * keep the others out of view, and attach the summary report once the window has closed. Only
 * here, for those who moderate, is a commenter's email shown.
 */
export default async function DocumentCommentsPage({ params, searchParams }: Props) {
  const { id: idText } = await params;
  await requireStaff({ from: routes.staff.documents(), allowed: canModerateComments });
  if (!/^[1-9][0-9]{0,8}$/.test(idText)) notFound();
  const documentId = Number(idText);
  const [document, consultation] = await Promise.all([getDocumentForStaff({ id: documentId }), getConsultation({ documentId })]);
  if (!document || !consultation) notFound();
  const query = await searchParams;
  const filter = FILTERS.find((f) => f === query['trang-thai']) ?? 'pending';
  const [comments, reports] = await Promise.all([
    listCommentsForStaff({ documentId }),
    listDocumentFiles({ db: await getDb(), documentId, purpose: 'comment_report' }),
  ]);
  const counts = { pending: 0, published: 0, hidden: 0, all: comments.length };
  for (const comment of comments) counts[comment.status]++;
  const shown = filter === 'all' ? comments : comments.filter((c) => c.status === filter);
  const state = consultationState(consultation);

  return (
    <div className="space-y-6">
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h1 className="text-xl font-bold text-brand-900">
          Góp ý dự thảo: {document.typeName} {document.number}
        </h1>
        <p className="mt-1 text-sm text-slate-700">
          {CONSULTATION_STATE_LABELS[state]} · từ {formatDateTime(consultation.opensAt)} đến {formatDateTime(consultation.closesAt)} ·{' '}
          <Link href={routes.staff.editDocument(documentId)} className="underline">
            Sửa văn bản
          </Link>
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
      </div>

      <section aria-labelledby="gop-y-danh-sach" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="gop-y-danh-sach" className="font-bold">
          Góp ý nhận được
        </h2>
        <nav aria-label="Lọc góp ý theo trạng thái" className="mt-2 flex flex-wrap gap-2 text-sm">
          {FILTERS.map((f) => (
            <Link
              key={f}
              href={routes.staff.documentComments(documentId, { 'trang-thai': f })}
              aria-current={f === filter ? 'page' : undefined}
              className="rounded border border-brand-700 px-3 py-1.5 text-brand-800 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
            >
              {f === 'all' ? 'Tất cả' : COMMENT_STATUS_LABELS[f]} ({formatNumber(counts[f])})
            </Link>
          ))}
        </nav>
        {shown.length === 0 ? (
          <p className="mt-3 text-slate-700">Không có góp ý nào.</p>
        ) : (
          <ol className="mt-3 space-y-3">
            {shown.map((comment) => (
              <li key={comment.id} className="rounded border border-slate-200 p-3">
                <p className="text-sm text-slate-700">
                  Số {comment.id} · <strong className="text-slate-900">{comment.name}</strong>
                  {comment.organisation && <> – {comment.organisation}</>} · {comment.email} · {formatDateTime(comment.createdAt)}
                </p>
                <p className="mt-2 break-words whitespace-pre-line">{comment.content}</p>
                <div className="mt-2">
                  <CommentModerationButtons documentId={documentId} comment={comment} />
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="gop-y-bao-cao" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="gop-y-bao-cao" className="mb-2 font-bold">
          Báo cáo tổng hợp góp ý
        </h2>
        {state === 'closed' ? (
          <DocumentFilesEditor documentId={documentId} files={reports} purpose="comment_report" />
        ) : (
          <p className="text-slate-700">Đính kèm báo cáo tổng hợp sau khi hết thời gian góp ý ({formatDateTime(consultation.closesAt)}).</p>
        )}
      </section>
    </div>
  );
}
