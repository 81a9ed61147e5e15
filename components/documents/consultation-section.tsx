import { DraftCommentForm } from '@/components/feedback/draft-comment-form';
import { PublicFormGuard } from '@/components/public-forms/form-guard';
import type { PublicConsultation } from '@/db/queries/consultations';
import {
  COMMENT_EMAIL_RETENTION_MONTHS,
  CONSULTATION_STATE_LABELS,
  type ConsultationState,
  DRAFT_COMMENT_FORM,
} from '@/lib/documents/consultation';
import { consentText } from '@/lib/public-forms/fields';
import type { PublicAction } from '@/server/public-forms/guard';
import { formatFileSize } from '@/lib/documents/file-type';
import { formatDateTime } from '@/lib/format';
import { formatNumber } from '@/lib/format-number';
import { routes } from '@/lib/routes';

const STATE_CLASSES: Record<ConsultationState, string> = {
  upcoming: 'border-slate-500 bg-slate-50 text-slate-800',
  open: 'border-green-700 bg-green-50 text-green-900',
  closed: 'border-amber-700 bg-amber-50 text-amber-900',
};

/**
 * "Góp ý dự thảo" under a document offered for comment: its window (Vietnam time), the form while
 * it is open, what to expect before and after, the published comments (never an email) and, once
 * closed, the summary report.
 */
const CONSENT = consentText({
  purpose:
    'tiếp nhận, tổng hợp và trả lời góp ý cho dự thảo này (họ tên, cơ quan và nội dung có thể được đăng dưới dự thảo sau khi cán bộ duyệt)',
  retentionMonths: COMMENT_EMAIL_RETENTION_MONTHS,
});

export function ConsultationSection({
  documentId,
  consultation,
  state,
  action,
}: {
  documentId: number;
  consultation: PublicConsultation;
  state: ConsultationState;
  /** The page's "Góp ý" action (its public-actions.ts). */
  action: PublicAction<object>;
}) {
  return (
    <section aria-labelledby="gop-y-du-thao" className="mt-8 border-t-2 border-brand-700 pt-4">
      <h2 id="gop-y-du-thao" className="text-xl font-bold text-brand-800">
        Góp ý dự thảo
      </h2>
      <p className="mt-2">
        Thời gian góp ý: từ <strong>{formatDateTime(consultation.opensAt)}</strong> đến{' '}
        <strong>{formatDateTime(consultation.closesAt)}</strong> (giờ Việt Nam).
      </p>
      <p className={`mt-2 inline-block rounded border px-2 py-0.5 text-sm font-semibold ${STATE_CLASSES[state]}`}>
        {CONSULTATION_STATE_LABELS[state]}
      </p>

      {state === 'open' && (
        <div className="mt-4 rounded-lg border border-slate-200 bg-slate-50 p-3 sm:p-4">
          <h3 id="gop-y-tieu-de" className="text-lg font-bold">
            Gửi góp ý
          </h3>
          <p className="mt-1 text-sm text-slate-700">Các ô có dấu * là bắt buộc.</p>
          {/* The document page is ISR: the form's start token is as old as the page, so the minimum fill
              time holds only on a fresh render; the honeypot, the per-client limit and duplicates always hold. */}
          <DraftCommentForm
            documentId={documentId}
            action={action}
            consent={CONSENT}
            guard={<PublicFormGuard form={DRAFT_COMMENT_FORM} />}
          />
        </div>
      )}
      {state === 'upcoming' && (
        <p className="mt-3">Chưa đến thời gian góp ý. Mẫu góp ý sẽ mở lúc {formatDateTime(consultation.opensAt)}.</p>
      )}
      {state === 'closed' && (
        <p className="mt-3">
          Đã hết thời gian góp ý lúc {formatDateTime(consultation.closesAt)}: dự thảo không nhận thêm góp ý. Cảm ơn các cơ quan, tổ chức và
          cá nhân đã góp ý.
        </p>
      )}

      {state === 'closed' && consultation.reports.length > 0 && (
        <div className="mt-4">
          <h3 className="font-bold">Báo cáo tổng hợp góp ý</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {consultation.reports.map((file) => (
              <li key={file.id} className="break-words">
                <a href={routes.documentFile(file.id)} download={file.fileName} className="font-semibold text-brand-700 underline">
                  Tải về<span className="sr-only"> báo cáo tổng hợp</span> {file.fileName}
                </a>{' '}
                <span className="text-sm text-slate-600">({formatFileSize(file.bytes)})</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="mt-6">
        <h3 className="font-bold">Góp ý đã đăng ({formatNumber(consultation.comments.length)})</h3>
        {consultation.comments.length === 0 ? (
          <p className="mt-1 text-slate-700">Chưa có góp ý nào được đăng.</p>
        ) : (
          <ol className="mt-2 space-y-3">
            {consultation.comments.map((comment) => (
              <li key={comment.id} className="rounded border border-slate-200 p-3">
                <p className="text-sm text-slate-700">
                  <strong className="text-slate-900">{comment.name}</strong>
                  {comment.organisation && <> – {comment.organisation}</>} · {formatDateTime(comment.createdAt)}
                </p>
                <p className="mt-1 break-words whitespace-pre-line">{comment.content}</p>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
