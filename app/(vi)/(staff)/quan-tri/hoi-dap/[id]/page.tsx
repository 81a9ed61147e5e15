import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AnswerForm, AssignForm, PublishForm, RefuseForm, UnpublishForm } from '@/components/questions/staff-question-forms';
import { listUnits } from '@/db/queries/agency';
import { getQuestionForStaff, getUserUnitId } from '@/db/queries/questions';
import { formatDateTime } from '@/lib/format';
import { parseRowId } from '@/lib/form-fields';
import { canAssignQuestions, canHandleQuestion, canViewQuestions } from '@/lib/permissions';
import { initialsOf, isOpenQuestion, QUESTION_STATUS_LABELS } from '@/lib/questions/rules';
import { routes } from '@/lib/routes';
import { requireStaff } from '@/server/auth/guard';
import { retentionMonths } from '@/server/questions/settings';
import { answerQuestion, assignQuestion, publishQuestion, refuseQuestion, unpublishQuestion } from '../actions';

export const metadata: Metadata = { title: 'Câu hỏi - Quản trị' };

type Props = { params: Promise<{ id: string }> };

export default async function StaffQuestionPage({ params }: Props) {
  const id = parseRowId((await params).id);
  const user = await requireStaff({ from: id ? routes.staff.question(id) : routes.staff.questions(), allowed: canViewQuestions });
  if (!id) notFound();
  const question = await getQuestionForStaff({ id });
  if (!question) notFound();
  const unitId = await getUserUnitId({ userId: user.id });
  // Another unit's question is not there for a Cán bộ trả lời, as if it did not exist.
  if (!canHandleQuestion({ ...user, unitId }, question)) notFound();
  const units = canAssignQuestions(user) ? await listUnits() : [];
  const open = isOpenQuestion(question.status);
  const formQuestion = {
    id: question.id,
    version: question.version,
    answerHtml: question.answerHtml,
    showFullName: question.showFullName,
    published: question.publishedAt !== null,
  };
  return (
    <div className="space-y-4">
      <p>
        <Link href={routes.staff.questions()} className="text-brand-700 underline">
          ← Hỏi đáp
        </Link>
      </p>
      <h1 className="text-xl font-bold break-words text-brand-900">{question.title}</h1>
      <section aria-labelledby="hd-thong-tin" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="hd-thong-tin" className="font-bold">
          Câu hỏi
        </h2>
        <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">Tình trạng</dt>
          <dd>
            {QUESTION_STATUS_LABELS[question.status]}
            {question.publishedAt && question.slug && (
              <>
                {' · '}
                <a href={routes.question(question.slug)} className="text-brand-700 underline">
                  Đã công khai
                </a>
              </>
            )}
          </dd>
          <dt className="font-semibold">Người hỏi</dt>
          <dd>{question.askerName}</dd>
          <dt className="font-semibold">Liên hệ (không công khai)</dt>
          <dd className="break-words">
            {question.personalDataErasedAt
              ? `Đã xóa ngày ${formatDateTime(question.personalDataErasedAt)} (hết hạn lưu ${retentionMonths()} tháng).`
              : [question.email, question.phone].filter(Boolean).join(' · ')}
          </dd>
          <dt className="font-semibold">Lĩnh vực</dt>
          <dd>{question.fieldName ?? 'Không có'}</dd>
          <dt className="font-semibold">Đơn vị trả lời</dt>
          <dd>{question.unitName ?? 'Chưa phân công'}</dd>
          <dt className="font-semibold">Gửi lúc</dt>
          <dd>{formatDateTime(question.createdAt)}</dd>
          {question.answeredAt && (
            <>
              <dt className="font-semibold">Trả lời lúc</dt>
              <dd>
                {formatDateTime(question.answeredAt)}
                {question.answeredByName ? ` · ${question.answeredByName}` : ''}
              </dd>
            </>
          )}
          {question.status === 'refused' && (
            <>
              <dt className="font-semibold">Lý do không tiếp nhận</dt>
              <dd className="whitespace-pre-line">{question.refusalReason}</dd>
            </>
          )}
        </dl>
        <p className="mt-3 whitespace-pre-line break-words">{question.content}</p>
      </section>
      {canAssignQuestions(user) && open && (
        <section aria-labelledby="hd-phan-cong" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="hd-phan-cong" className="mb-2 font-bold">
            Phân công
          </h2>
          <AssignForm question={formQuestion} units={units} currentUnitId={question.unitId} action={assignQuestion} />
        </section>
      )}
      {question.status !== 'refused' && (
        <section aria-labelledby="hd-tra-loi" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="hd-tra-loi" className="mb-2 font-bold">
            Trả lời
          </h2>
          <AnswerForm question={formQuestion} action={answerQuestion} />
        </section>
      )}
      {question.status === 'answered' && (
        <section aria-labelledby="hd-cong-khai" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="hd-cong-khai" className="font-bold">
            Công khai trên trang Hỏi đáp
          </h2>
          <PublishForm
            question={formQuestion}
            initials={initialsOf(question.askerName)}
            fullName={question.askerName}
            action={publishQuestion}
          />
          {question.publishedAt && <UnpublishForm question={formQuestion} action={unpublishQuestion} />}
        </section>
      )}
      {open && (
        <section aria-labelledby="hd-tu-choi" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="hd-tu-choi" className="mb-2 font-bold">
            Không tiếp nhận
          </h2>
          <RefuseForm question={formQuestion} action={refuseQuestion} />
        </section>
      )}
    </div>
  );
}
