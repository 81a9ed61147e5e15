import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { DocumentFilters } from '@/components/documents/document-filters';
import { DocumentList } from '@/components/documents/document-list';
import { Pagination } from '@/components/ui/pagination';
import { getOldestDocumentYear, listDocumentCatalogs, listPublicDocuments } from '@/db/queries/documents';
import { DOCUMENT_PAGE_SIZE, documentListHref, hasFilters, parseDocumentListParams, todayInVietnam } from '@/lib/documents/rules';
import { formatNumber } from '@/lib/format-number';
import { routes } from '@/lib/routes';
import { canonicalAlternates } from '@/lib/site-url';

export const documentsMetadata: Metadata = {
  title: 'Văn bản',
  description:
    'Văn bản quy phạm pháp luật và văn bản chỉ đạo, điều hành của Sở Nội vụ tỉnh An Giang: tra cứu theo số/ký hiệu, trích yếu, loại, cơ quan ban hành, lĩnh vực và hiệu lực.',
  alternates: canonicalAlternates(routes.documents()),
};

/** The list of documents for a query: the cached first page passes none. */
export async function DocumentsView({ query }: { query: Record<string, string | string[] | undefined> }) {
  const [catalogs, oldestYear] = await Promise.all([listDocumentCatalogs(), getOldestDocumentYear()]);
  const params = parseDocumentListParams(query, catalogs);
  const today = todayInVietnam();
  const { items, total } = await listPublicDocuments({ filters: params, today, page: params.page, pageSize: DOCUMENT_PAGE_SIZE });
  const totalPages = Math.max(1, Math.ceil(total / DOCUMENT_PAGE_SIZE));
  if (params.page > totalPages) notFound();
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: oldestYear ? Math.max(1, thisYear - oldestYear + 1) : 1 }, (_, i) => thisYear - i);
  const filtered = hasFilters(params);

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <Breadcrumb items={[{ label: 'Trang chủ', href: routes.home }, { label: 'Văn bản' }]} />
      <h1 className="border-b-2 border-brand-700 pb-2 text-2xl font-bold text-brand-800">Văn bản</h1>
      <DocumentFilters filters={params} catalogs={catalogs} years={years} />
      {params.notices.length > 0 && (
        <ul className="mt-3 list-disc pl-5 text-sm text-amber-900">
          {params.notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      )}
      <div role="status" className="mt-4">
        {total > 0 ? (
          <p className="font-semibold">Tìm thấy {formatNumber(total)} văn bản</p>
        ) : filtered ? (
          <p>
            Không tìm thấy văn bản nào phù hợp.{' '}
            <a href={routes.documents()} className="font-semibold text-brand-700 underline">
              Xóa bộ lọc
            </a>
          </p>
        ) : (
          <p>Chưa có văn bản nào được đăng trên cổng thông tin.</p>
        )}
      </div>
      {items.length > 0 && <DocumentList items={items} today={today} />}
      <Pagination page={params.page} totalPages={totalPages} hrefFor={(n) => documentListHref(params, n)} />
    </div>
  );
}
