import type { Metadata } from 'next';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { type ConsultationListItem, listConsultations } from '@/db/queries/consultations';
import { formatDateTime } from '@/lib/format';
import { routes } from '@/lib/routes';
import { canonicalAlternates } from '@/lib/site-url';

/**
 * Góp ý dự thảo: the drafts open for comment now, and those closed in the last 90 days. Which are
 * open depends on the instant, so the page is rendered per request (one indexed query, no cache
 * file per visit).
 */
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Góp ý dự thảo',
  description: 'Dự thảo văn bản của Sở Nội vụ tỉnh An Giang đang lấy ý kiến góp ý của cơ quan, tổ chức và cá nhân.',
  alternates: canonicalAlternates(routes.consultations),
};

const CLOSED_SINCE_DAYS = 90;

function DraftList({ items, closed }: { items: ConsultationListItem[]; closed?: boolean }) {
  return (
    <ul className="mt-2 divide-y divide-slate-200">
      {items.map((item) => (
        <li key={item.documentId} className="py-3">
          <a href={routes.document(item.slug)} className="font-semibold break-words text-brand-700 hover:underline">
            {item.typeName} {item.number}
          </a>
          <p className="mt-1 break-words">{item.summary}</p>
          <p className="mt-1 text-sm text-slate-700">
            {closed ? 'Đã kết thúc' : 'Góp ý đến'} {formatDateTime(item.closesAt)}
            {!closed && <> (bắt đầu {formatDateTime(item.opensAt)})</>}
          </p>
        </li>
      ))}
    </ul>
  );
}

export default async function ConsultationsPage() {
  const { open, closed } = await listConsultations({ now: new Date(), closedSinceDays: CLOSED_SINCE_DAYS });
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <Breadcrumb items={[{ label: 'Trang chủ', href: routes.home }, { label: 'Góp ý dự thảo' }]} />
      <h1 className="border-b-2 border-brand-700 pb-2 text-2xl font-bold text-brand-800">Góp ý dự thảo</h1>
      <p className="mt-3">
        Cơ quan, tổ chức và cá nhân góp ý dự thảo văn bản ngay trên trang của dự thảo, trong thời gian lấy ý kiến (giờ Việt Nam).
      </p>
      <section aria-labelledby="dang-lay-y-kien" className="mt-6">
        <h2 id="dang-lay-y-kien" className="text-lg font-bold text-brand-800">
          Đang lấy ý kiến
        </h2>
        {open.length === 0 ? <p className="mt-2">Hiện không có dự thảo nào đang lấy ý kiến.</p> : <DraftList items={open} />}
      </section>
      {closed.length > 0 && (
        <section aria-labelledby="da-ket-thuc" className="mt-6">
          <h2 id="da-ket-thuc" className="text-lg font-bold text-brand-800">
            Đã hết thời gian góp ý
          </h2>
          <DraftList items={closed} closed />
        </section>
      )}
    </div>
  );
}
