import type { Metadata } from 'next';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { LookupForm } from '@/components/questions/lookup-form';
import { routes } from '@/lib/routes';
import { lookupQuestion } from './public-actions';
import { canonicalAlternates } from '@/lib/site-url';

// Per request: without JavaScript the browser posts the code to this address, which answers with
// the status read from the database at that moment.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Tra cứu câu hỏi',
  description: 'Nhập mã tra cứu để xem tình trạng câu hỏi đã gửi tới Sở Nội vụ tỉnh An Giang và câu trả lời.',
  alternates: canonicalAlternates(routes.questionLookup),
};

export default function LookupPage() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <Breadcrumb
        items={[{ label: 'Trang chủ', href: routes.home }, { label: 'Hỏi đáp', href: routes.questions() }, { label: 'Tra cứu' }]}
      />
      <h1 className="border-b-2 border-brand-700 pb-2 text-2xl font-bold text-brand-800">Tra cứu câu hỏi</h1>
      <p className="mt-3">
        Nhập mã tra cứu bạn nhận được khi gửi câu hỏi. Tình trạng: Đã tiếp nhận · Đang xử lý · Đã trả lời · Không tiếp nhận.
      </p>
      <LookupForm action={lookupQuestion} />
    </div>
  );
}
