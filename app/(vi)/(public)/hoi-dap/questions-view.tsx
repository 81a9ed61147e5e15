import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { QuestionFilters, QuestionList, QuestionLinks } from '@/components/questions/question-list';
import { Pagination } from '@/components/ui/pagination';
import { listPublishedQuestions, listQuestionFields } from '@/db/queries/questions';
import { formatNumber } from '@/lib/format-number';
import { parseQuestionListParams, QUESTION_PAGE_SIZE, questionListHref } from '@/lib/questions/list-params';
import { routes } from '@/lib/routes';
import { canonicalAlternates } from '@/lib/site-url';

export const questionsMetadata: Metadata = {
  title: 'Hỏi đáp',
  description:
    'Câu hỏi của người dân, tổ chức và câu trả lời của Sở Nội vụ tỉnh An Giang; đặt câu hỏi và tra cứu tình trạng bằng mã tra cứu.',
  alternates: canonicalAlternates(routes.questions()),
};

/** The published questions for a query: the cached first page passes none. */
export async function QuestionsView({ query }: { query: Record<string, string | string[] | undefined> }) {
  const fields = await listQuestionFields();
  const params = parseQuestionListParams(query, fields);
  const { items, total } = await listPublishedQuestions({
    fieldId: params.fieldId,
    keyword: params.keyword,
    page: params.page,
    pageSize: QUESTION_PAGE_SIZE,
  });
  const totalPages = Math.max(1, Math.ceil(total / QUESTION_PAGE_SIZE));
  if (params.page > totalPages) notFound();
  const filtered = Boolean(params.keyword || params.fieldId);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <Breadcrumb items={[{ label: 'Trang chủ', href: routes.home }, { label: 'Hỏi đáp' }]} />
      <h1 className="border-b-2 border-brand-700 pb-2 text-2xl font-bold text-brand-800">Hỏi đáp</h1>
      <QuestionLinks />
      <QuestionFilters filters={params} fields={fields} />
      {params.notices.length > 0 && (
        <ul className="mt-3 list-disc pl-5 text-sm text-amber-900">
          {params.notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      )}
      <div role="status" className="mt-4">
        {total > 0 ? (
          <p className="font-semibold">Tìm thấy {formatNumber(total)} câu hỏi</p>
        ) : filtered ? (
          <p>
            Không tìm thấy câu hỏi nào phù hợp.{' '}
            <a href={routes.questions()} className="font-semibold text-brand-700 underline">
              Xóa bộ lọc
            </a>
          </p>
        ) : (
          <p>Chưa có câu hỏi nào được công khai.</p>
        )}
      </div>
      {items.length > 0 && <QuestionList items={items} />}
      <Pagination page={params.page} totalPages={totalPages} hrefFor={(n) => questionListHref(params, n)} />
    </div>
  );
}
