import type { Metadata } from 'next';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { PublicFormGuard } from '@/components/public-forms/form-guard';
import { AskQuestionForm } from '@/components/questions/ask-question-form';
import { listQuestionFields } from '@/db/queries/questions';
import { consentText } from '@/lib/public-forms/fields';
import { QUESTION_FORM_NAME } from '@/lib/questions/forms';
import { routes } from '@/lib/routes';
import { mailConfigured } from '@/server/mail';
import { retentionMonths } from '@/server/questions/settings';
import { askQuestion } from './public-actions';
import { canonicalAlternates } from '@/lib/site-url';

// Per request: the form carries the time it was served (the minimum time to fill it), and without
// JavaScript the browser posts it to this address, which answers with the result or the errors.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Đặt câu hỏi',
  description: 'Gửi câu hỏi tới Sở Nội vụ tỉnh An Giang và nhận mã tra cứu để theo dõi câu trả lời.',
  alternates: canonicalAlternates(routes.askQuestion),
};

export default async function AskQuestionPage() {
  const fields = await listQuestionFields();
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <Breadcrumb
        items={[{ label: 'Trang chủ', href: routes.home }, { label: 'Hỏi đáp', href: routes.questions() }, { label: 'Đặt câu hỏi' }]}
      />
      <h1 className="border-b-2 border-brand-700 pb-2 text-2xl font-bold text-brand-800">Đặt câu hỏi</h1>
      <p className="mt-3">
        Sau khi gửi, bạn nhận một <strong>mã tra cứu</strong>
        {mailConfigured() ? ' (hiện trên màn hình và gửi tới email của bạn)' : ' hiện trên màn hình: hãy ghi lại mã'}; dùng mã tại trang{' '}
        <a href={routes.questionLookup} className="font-semibold text-brand-700 underline">
          Tra cứu câu hỏi
        </a>{' '}
        để xem tình trạng và câu trả lời. Câu hỏi và câu trả lời có thể được công khai trên trang Hỏi đáp, tên người hỏi viết tắt hoặc đầy
        đủ; email và số điện thoại không bao giờ được công khai.
      </p>
      <AskQuestionForm
        action={askQuestion}
        fields={fields}
        guard={<PublicFormGuard form={QUESTION_FORM_NAME} />}
        consentText={consentText({
          purpose: 'tiếp nhận, trả lời câu hỏi này và gửi cho tôi mã tra cứu',
          retentionMonths: retentionMonths(),
        })}
      />
    </div>
  );
}
