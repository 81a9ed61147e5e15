import type { QuestionTracking } from '@/db/queries/questions';
import { formatDateTime } from '@/lib/format';
import { QUESTION_STATUS_LABELS } from '@/lib/questions/rules';
import { routes } from '@/lib/routes';

/** What a person sees with their code: the status, the reason of a refusal, the answer. */
export function QuestionTrackingView({ question }: { question: QuestionTracking }) {
  return (
    <section aria-labelledby="ket-qua-tra-cuu" className="rounded-lg border border-slate-300 bg-slate-50 p-4">
      <h2 id="ket-qua-tra-cuu" className="text-lg font-bold text-brand-900">
        {question.title}
      </h2>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">Tình trạng</dt>
        <dd>
          <strong className="text-brand-800">{QUESTION_STATUS_LABELS[question.status]}</strong>
        </dd>
        <dt className="font-semibold">Ngày gửi</dt>
        <dd>{formatDateTime(new Date(question.createdAt))}</dd>
        {question.answeredAt && question.status === 'answered' && (
          <>
            <dt className="font-semibold">Ngày trả lời</dt>
            <dd>{formatDateTime(new Date(question.answeredAt))}</dd>
          </>
        )}
      </dl>
      {question.status === 'refused' && (
        <div className="mt-3">
          <h3 className="font-semibold">Lý do không tiếp nhận</h3>
          <p className="mt-1 whitespace-pre-line">{question.refusalReason}</p>
        </div>
      )}
      {question.status === 'answered' && (
        <div className="mt-3">
          <h3 className="font-semibold">Câu trả lời</h3>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on save with the articles' allowlist (lib/sanitize.ts) */}
          <div className="article-body mt-1 leading-relaxed" dangerouslySetInnerHTML={{ __html: question.answerHtml }} />
          {question.published && question.slug && (
            <p className="mt-3">
              <a href={routes.question(question.slug)} className="font-semibold text-brand-700 underline">
                Xem câu hỏi trên trang Hỏi đáp
              </a>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
